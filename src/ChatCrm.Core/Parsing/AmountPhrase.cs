namespace ChatCrm.Core.Parsing;

/// <summary>A parsed money amount in rubles and how many characters of the input it took.</summary>
public sealed record AmountPhrase(decimal Value, int Length);

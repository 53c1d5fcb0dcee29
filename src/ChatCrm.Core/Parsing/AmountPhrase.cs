namespace ChatCrm.Core.Parsing;

/// <summary>
/// A parsed money amount in rubles and how many characters of the input it took. <see cref="HasMoneyWord"/> says
/// whether it carried a scale or a currency («150к», «150 руб», «двести тысяч») rather than being a bare number,
/// and <see cref="LastScale"/> is the scale of its last part (1 000 000 for «1 млн», 1 for «150»).
/// </summary>
public sealed record AmountPhrase(decimal Value, int Length)
{
    public bool HasMoneyWord { get; init; }

    public decimal LastScale { get; init; } = 1m;
}

namespace ChatCrm.Core.Messages;

// Amounts read back before anything is stored (issue 9): money seen but not used, the same deal twice, a cycle
// without stages, a stage name that starts with a cycle's name.
public abstract partial class Texts
{
    /// <summary>The question when words look like money but were not read as the amount; the readings follow as lines.</summary>
    public abstract string DealAmountDoubt(string client, string fragment);

    /// <summary>One reading offered under <see cref="DealAmountDoubt"/>: «1) 1 200 000 ₽ «станки»».</summary>
    public abstract string DealAmountOption(int number, decimal amount, string currency, string title);

    public abstract string AmountOptionButton(int number, decimal amount, string currency);
    public abstract string OtherAmountButton { get; }

    public abstract string DealDuplicateAsk(string client, long number, string title, decimal amount, string currency, int open);
    public abstract string OpenAnotherDealButton { get; }
    public abstract string ShowDealButton(long number);

    public abstract string CycleHasNoStages(string cycle);

    /// <summary>/stage add whose first words name a cycle: a stage of that cycle, or a stage with the whole name?</summary>
    public abstract string StageCycleOrLongName(string cycle, string stage, string longName, string defaultCycle);
}

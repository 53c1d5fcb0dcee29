using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string DealAmountDoubt(string client, string fragment) =>
        $"💼 Deal with {Bold(client)}: is “{Escape(fragment)}” the amount? Pick how to record it; nothing is saved yet.";

    public override string DealAmountOption(int number, decimal amount, string currency, string title) =>
        $"{number}) {Money(amount, currency)}" + (title.Length == 0 ? ", no title" : $" “{Clip(title, 100)}”");

    public override string AmountOptionButton(int number, decimal amount, string currency) => $"{number}) ✅ {Money(amount, currency)}";

    public override string OtherAmountButton => "✏️ another amount";

    public override string DealDuplicateAsk(string client, long number, string title, decimal amount, string currency, int open) =>
        $"⚠️ {Bold(client)} already has an open deal #{number} “{Clip(title, 100)}” for {Money(amount, currency)}"
        + (open > 1 ? $" ({open} open in all)" : "") + " — open another? Nothing is saved yet.";

    public override string OpenAnotherDealButton => "➕ open another";

    public override string ShowDealButton(long number) => $"👁 show #{number}";

    public override string CycleHasNoStages(string cycle) =>
        $"⚠️ Cycle “{Escape(cycle)}” has no stages yet: /stage add &lt;stage&gt; cycle {Escape(cycle)}. Nothing was saved.";

    public override string StageCycleOrLongName(string cycle, string stage, string longName, string defaultCycle) =>
        $"❓ “{Escape(cycle)}” is a cycle. What should I add?\n1) stage “{Escape(stage)}” to cycle “{Escape(cycle)}”\n"
        + $"2) stage “{Escape(longName)}” to cycle “{Escape(defaultCycle)}”\nNothing is saved yet.";
}

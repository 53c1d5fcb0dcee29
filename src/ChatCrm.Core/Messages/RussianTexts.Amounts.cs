using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string DealAmountDoubt(string client, string fragment) =>
        $"💼 Сделка с {Bold(client)}: «{Escape(fragment)}» — это сумма? Выберите, как записать; пока ничего не сохранено.";

    public override string DealAmountOption(int number, decimal amount, string currency, string title) =>
        $"{number}) {Money(amount, currency)}" + (title.Length == 0 ? ", без названия" : $" «{Clip(title, 100)}»");

    public override string AmountOptionButton(int number, decimal amount, string currency) => $"{number}) ✅ {Money(amount, currency)}";

    public override string OtherAmountButton => "✏️ другая сумма";

    public override string DealDuplicateAsk(string client, long number, string title, decimal amount, string currency, int open) =>
        $"⚠️ У {Bold(client)} уже есть открытая сделка #{number} «{Clip(title, 100)}» на {Money(amount, currency)}"
        + (open > 1 ? $" (всего открытых: {open})" : "") + ". Открыть ещё одну? Пока ничего не сохранено.";

    public override string OpenAnotherDealButton => "➕ открыть ещё одну";

    public override string ShowDealButton(long number) => $"👁 показать #{number}";

    public override string CycleHasNoStages(string cycle) =>
        $"⚠️ В цикле «{Escape(cycle)}» ещё нет этапов: /stage add &lt;этап&gt; цикл {Escape(cycle)}. Ничего не сохранено.";

    public override string StageCycleOrLongName(string cycle, string stage, string longName, string defaultCycle) =>
        $"❓ «{Escape(cycle)}» — это цикл. Что добавить?\n1) этап «{Escape(stage)}» в цикл «{Escape(cycle)}»\n"
        + $"2) этап «{Escape(longName)}» в цикл «{Escape(defaultCycle)}»\nПока ничего не сохранено.";
}

using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string ScenarioHeader(string stage, string? segment, bool fallback) =>
        $"📋 <b>Сценарий этапа {Escape(stage)}</b>" + (segment is null ? "" : $" — сегмент #{Escape(segment)}")
        + (fallback ? $"\nУ сегмента #{Escape(segment)} своих шагов нет — действуют общие шаги этапа:" : "");

    public override string ScenarioStepLine(int number, string workType, int? withinDays, bool required) =>
        $"{number}. {Escape(workType)}" + (withinDays is { } d ? $" — в течение {d} дн." : "") + (required ? " ❗обязательно" : "");

    public override string ScenarioEmpty() => "Шагов пока нет.";

    public override string ScenarioEditHint(string stageAndSegment) =>
        $"Добавить: /scenario {Escape(stageAndSegment)} add &lt;вид работы&gt; [N дн] [обязательно]\n"
        + $"Убрать: /scenario {Escape(stageAndSegment)} remove &lt;№&gt; · переставить: /scenario {Escape(stageAndSegment)} move &lt;№&gt; &lt;№&gt;";

    public override string ScenarioPickStage() => "📋 <b>Сценарии этапов</b>: какие шаги делать на каждом этапе. Выберите этап (в скобках — число шагов):";
    public override string ScenarioStageNotFound(string query) => $"Не нашёл этап «{Escape(query)}». Выберите:";
    public override string ScenarioOnlyHeads() => "⛔ Менять сценарий может руководитель или администратор. Посмотреть шаги можно: /scenario &lt;этап&gt;";
    public override string ScenarioAskWorkType(string stage) => $"Какой шаг добавить на этап {Bold(stage)}? Выберите вид работы:";
    public override string ScenarioWorkTypeUnknown(string word) => $"Не нашёл вид работы «{Escape(word)}». Выберите:";

    public override string ScenarioNoStep(int number, int count) =>
        count == 0 ? "В сценарии нет шагов — менять нечего." : $"Шага №{number} нет: в сценарии шагов {count}. Ничего не изменено.";

    public override string ScenarioStepAdded(int number, string workType) => $"✅ Шаг {number}. {Bold(workType)} добавлен.";
    public override string ScenarioStepRemoved(int number, string workType) => $"✅ Шаг {number}. {Bold(workType)} убран.";
    public override string ScenarioStepMoved(string workType, int from, int to) => $"✅ {Bold(workType)}: шаг {from} → {to}.";

    public override string ScenarioNextOffer(string workType, int? withinDays) =>
        $"📋 Далее по регламенту: {Bold(workType)}" + (withinDays is { } d ? $" в течение {Plural.Ru(d, "дня", "дней", "дней")}" : "") + " — запланировать?";

    public override string ScenarioPlanButton(string day) => $"📋 Запланировать на {Escape(day)}";

    public override string ScenarioSkipAsk(long deal, string title, string stage, string to, IReadOnlyList<string> steps) =>
        $"⚠️ Сделка №{deal} {Bold(title)}: на этапе {Bold(stage)} не сделаны обязательные шаги: {Escape(string.Join(", ", steps))}.\n"
        + $"Всё равно перевести в {Bold(to)}? Пропуск будет записан.";

    public override string ScenarioSkipConfirmButton => "⏭ Всё равно перевести";
    public override string ScenarioSkipCancelButton => "✖️ Отмена";
    public override string ScenarioSkipCancelled(long deal, string stage) => $"Хорошо, сделка №{deal} осталась на этапе {Bold(stage)}.";
    public override string ScenarioSkipRecorded(IReadOnlyList<string> steps) => $"📝 Пропуск шагов записан: {Escape(string.Join(", ", steps))}.";
    public override string DigestSkipsHeader => "⏭ <b>Пропущены обязательные шаги</b>:";

    public override string DigestSkipLine(long deal, string title, string stage, string steps, string who) =>
        $"• №{deal} {Escape(title)} — {Escape(stage)}: {Escape(steps)} ({Escape(who)})";

    protected override void AddScenariosDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["scenario"] = new("сценарий этапа: какие шаги делать и в какие сроки",
            "/scenario — этапы\n/scenario &lt;этап&gt; [#сегмент] — шаги (у сегмента без своих шагов — общие)\n"
            + "/scenario &lt;этап&gt; [#сегмент] add &lt;вид работы&gt; [N дн] [обязательно]\n"
            + "/scenario &lt;этап&gt; [#сегмент] remove &lt;№&gt;\n/scenario &lt;этап&gt; [#сегмент] move &lt;№&gt; &lt;№&gt;",
            "/scenario Предложение add демо 3 дн обязательно");
    }
}

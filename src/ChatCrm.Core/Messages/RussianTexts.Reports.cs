using ChatCrm.Core.Parsing;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string ReportAskKind() => "📊 Какой отчёт? Нажмите кнопку или напишите, например: /report воронка прошлый месяц";
    public override string ReportUnknownKind(string word) => $"Не знаю отчёт «{Escape(word)}». Выберите:";
    public override string ReportAskPeriod(string kindName) => $"📊 {Escape(kindName)}: за какой период? Нажмите кнопку или напишите: «ноябрь», «прошлая неделя», «01.10–31.12», «с начала года».";

    public override string ReportBadPeriod(PeriodProblem problem, string? unreadable) => problem switch
    {
        PeriodProblem.InvalidDate => $"Такой даты нет: «{Escape(unreadable)}». Выберите период или напишите его ещё раз:",
        PeriodProblem.ReversedRange => $"Период «{Escape(unreadable)}» кончается раньше, чем начинается. Выберите период или напишите его ещё раз:",
        _ => $"Не понял период «{Escape(unreadable)}». Выберите или напишите, например: «ноябрь», «прошлый месяц», «01.10–31.12»:",
    };

    public override string ReportFilterNotFound(string text) =>
        $"Не нашёл «{Escape(text)}»: после периода можно указать менеджера, #сегмент или «цикл название».";

    public override string ReportOnlyOwn() => "🔒 Менеджер видит только свои цифры. Отчёт по себе: /report без имени.";
    public override string ReportExcelButton => "📥 В Excel";

    public override string ReportCsvCaption(string delimiter) =>
        $"CSV: разделитель «{Escape(delimiter)}», дробная часть через точку, кодировка UTF-8.";

    public override string ReportHeading(string title, string period, string? filter) =>
        $"📊 {Bold(title)} — {Escape(period)}{(filter is null ? "" : " · " + Escape(filter))}";

    public override string ReportMoreRows(int rows) => $"…и ещё {Plural.Ru(rows, "строка", "строки", "строк")} — все в Excel.";

    public override string ReportKindName(string kind) => kind switch
    {
        "funnel" => "Воронка",
        "managers" => "Менеджеры",
        "lost" => "Потери",
        "products" => "Продукты",
        "activity" => "Активность",
        "obligations" => "Обязательства",
        "forecast" => "Прогноз",
        _ => $"«{Escape(kind)}»",
    };

    public override string ReportLabel(string key) => key switch
    {
        "funnel" => "Воронка",
        "cycle" => "Цикл",
        "stage" => "Этап",
        "open" => "Открыто",
        "amount" => "Сумма",
        "entered" => "Вошло",
        "conversion" => "Конв., %",
        "won" => "✅ Выиграно",
        "lost" => "Проиграно",
        "lostAt" => "Где теряем",
        "share" => "Доля, %",
        "reason" => "Причина",
        "manager" => "Менеджер",
        "byReason" => "По причинам",
        "byStage" => "По этапам",
        "byManager" => "По менеджерам",
        "detail" => "Причина × этап × менеджер",
        "month" => "Месяц",
        "deals" => "Сделок",
        "weighted" => "Взвешенно",
        "target" => "План",
        "ofTarget" => "От плана, %",
        "earlier" => "Раньше (срок прошёл)",
        "later" => "Позже",
        "noDate" => "Без даты",
        "thisMonth" => "Этот месяц",
        "lastMonth" => "Прошлый месяц",
        "thisQuarter" => "Квартал",
        "thisYear" => "Год",
        _ => $"«{Escape(key)}»",
    };

    public override string FunnelReportSummary(int openDeals, decimal openAmount, int won, decimal wonAmount, int lost, decimal lostAmount) =>
        $"Сейчас в работе: {Plural.Ru(openDeals, "сделка", "сделки", "сделок")} на {Money(openAmount, "")}. За период выиграно {won} на {Money(wonAmount, "")}, проиграно {lost} на {Money(lostAmount, "")}.";

    public override string FunnelReportLostAt(IReadOnlyList<string> stages) => $"Проиграны на этапах: {Escape(string.Join(", ", stages))}.";
    public override string LostReportSummary(int lost, decimal amount) => $"Проиграно {Plural.Ru(lost, "сделка", "сделки", "сделок")} на {Money(amount, "")}.";
    public override string LostReportNone() => "За период проигранных сделок нет.";

    public override string ForecastReportSummary(decimal weighted, decimal? target, decimal? percentOfTarget) =>
        $"Взвешенный прогноз на период: {Money(weighted, "")}" + (target is { } t ? $", план {Money(t, "")}" : "")
        + (percentOfTarget is { } p ? $" ({p.ToString("0.#", Ru)}% плана)." : ".");

    public override string ForecastReportUndated(int deals, decimal weighted) =>
        $"Без ожидаемой даты закрытия: {Plural.Ru(deals, "сделка", "сделки", "сделок")}, взвешенно {Money(weighted, "")} — укажите даты, и прогноз станет точнее.";

    protected override void AddReportDocs(IDictionary<string, CommandDoc> docs) =>
        docs["report"] = new("отчёты: воронка, потери, прогноз и другие, с графиком и Excel",
            "/report &lt;вид&gt; [период] [менеджер | #сегмент | цикл &lt;название&gt;] [csv]", "/report воронка прошлый месяц");
}

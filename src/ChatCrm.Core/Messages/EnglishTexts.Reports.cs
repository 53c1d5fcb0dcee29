using ChatCrm.Core.Parsing;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string ReportAskKind() => "📊 Which report? Tap a button or type, e.g. /report funnel last month";
    public override string ReportUnknownKind(string word) => $"I don't know the report “{Escape(word)}”. Choose one:";
    public override string ReportAskPeriod(string kindName) => $"📊 {Escape(kindName)}: for which period? Tap a button or type: “november”, “last week”, “01.10–31.12”, “ytd”.";

    public override string ReportBadPeriod(PeriodProblem problem, string? unreadable) => problem switch
    {
        PeriodProblem.InvalidDate => $"There is no such date: “{Escape(unreadable)}”. Choose a period or type it again:",
        PeriodProblem.ReversedRange => $"The period “{Escape(unreadable)}” ends before it starts. Choose a period or type it again:",
        _ => $"I couldn't read the period “{Escape(unreadable)}”. Choose one or type, e.g. “november”, “last month”, “01.10–31.12”:",
    };

    public override string ReportFilterNotFound(string text) =>
        $"I couldn't find “{Escape(text)}”: after the period you can name a manager, a #segment or “cycle name”.";

    public override string ReportOnlyOwn() => "🔒 Managers see only their own figures. Your own report: /report without a name.";
    public override string ReportExcelButton => "📥 Excel";

    public override string ReportCsvCaption(string delimiter) =>
        $"CSV: separated by “{Escape(delimiter)}”, decimal point, UTF-8.";

    public override string ReportHeading(string title, string period, string? filter) =>
        $"📊 {Bold(title)} — {Escape(period)}{(filter is null ? "" : $" ({Escape(filter)})")}";

    public override string ReportMoreRows(int rows) => $"…and {Plural.En(rows, "more row", "more rows")} — all of them in Excel.";

    public override string ReportKindName(string kind) => kind switch
    {
        "funnel" => "Funnel",
        "managers" => "Managers",
        "lost" => "Lost deals",
        "products" => "Products",
        "activity" => "Activity",
        "obligations" => "Obligations",
        "forecast" => "Forecast",
        _ => $"“{Escape(kind)}”",
    };

    public override string ReportLabel(string key) => key switch
    {
        "funnel" => "Funnel",
        "cycle" => "Cycle",
        "stage" => "Stage",
        "open" => "Open",
        "amount" => "Amount",
        "entered" => "Entered",
        "conversion" => "Conv., %",
        "won" => "✅ Won",
        "lost" => "Lost",
        "lostAt" => "Where we lose",
        "share" => "Share, %",
        "reason" => "Reason",
        "manager" => "Manager",
        "byReason" => "By reason",
        "byStage" => "By stage",
        "byManager" => "By manager",
        "detail" => "Reason × stage × manager",
        "month" => "Month",
        "deals" => "Deals",
        "weighted" => "Weighted",
        "target" => "Target",
        "ofTarget" => "Of target, %",
        "earlier" => "Earlier (date passed)",
        "later" => "Later",
        "noDate" => "No date",
        "thisMonth" => "This month",
        "lastMonth" => "Last month",
        "thisQuarter" => "Quarter",
        "thisYear" => "Year",
        _ => $"“{Escape(key)}”",
    };

    public override string FunnelReportSummary(int openDeals, decimal openAmount, int won, decimal wonAmount, int lost, decimal lostAmount) =>
        $"In progress now: {Plural.En(openDeals, "deal", "deals")} worth {Money(openAmount, "")}. In the period {won} won worth {Money(wonAmount, "")}, {lost} lost worth {Money(lostAmount, "")}.";

    public override string FunnelReportLostAt(IReadOnlyList<string> stages) => $"Lost at stages: {Escape(string.Join(", ", stages))}.";
    public override string LostReportSummary(int lost, decimal amount) => $"{Plural.En(lost, "deal", "deals")} lost worth {Money(amount, "")}.";
    public override string LostReportNone() => "No deals were lost in the period.";

    public override string ForecastReportSummary(decimal weighted, decimal? target, decimal? percentOfTarget) =>
        $"Weighted forecast for the period: {Money(weighted, "")}" + (target is { } t ? $", target {Money(t, "")}" : "")
        + (percentOfTarget is { } p ? $" ({p.ToString("0.#", En)}% of target)." : ".");

    public override string ForecastReportUndated(int deals, decimal weighted) =>
        $"No expected close date: {Plural.En(deals, "deal", "deals")}, weighted {Money(weighted, "")} — set the dates to sharpen the forecast.";

    protected override void AddReportDocs(IDictionary<string, CommandDoc> docs) =>
        docs["report"] = new("reports: funnel, lost deals, forecast and more, with a chart and Excel",
            "/report &lt;kind&gt; [period] [manager | #segment | cycle &lt;name&gt;] [csv]", "/report funnel last month");
}

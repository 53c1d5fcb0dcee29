using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Messages;

/// <summary>/report: the questions, refusals and the words of the report tables, charts and files.</summary>
public abstract partial class Texts
{
    public abstract string ReportAskKind();
    public abstract string ReportUnknownKind(string word);
    public abstract string ReportAskPeriod(string kindName);
    public abstract string ReportBadPeriod(PeriodProblem problem, string? unreadable);
    public abstract string ReportFilterNotFound(string text);
    public abstract string ReportOnlyOwn();
    public abstract string ReportExcelButton { get; }
    public abstract string ReportCsvCaption(string delimiter);

    /// <summary>«📊 <b>Воронка</b> — ноябрь 2026 · Иван»: the report, its period in words and what it is narrowed to.</summary>
    public abstract string ReportHeading(string title, string period, string? filter);
    public abstract string ReportMoreRows(int rows);

    /// <summary>The name of a report kind (funnel, managers, lost, products, activity, obligations, forecast).</summary>
    public abstract string ReportKindName(string kind);

    /// <summary>A column, table, series or button word of the reports, by key ("stage", "amount", "thisMonth"…); an unknown key comes back quoted.</summary>
    public abstract string ReportLabel(string key);

    public abstract string FunnelReportSummary(int openDeals, decimal openAmount, int won, decimal wonAmount, int lost, decimal lostAmount);
    public abstract string FunnelReportLostAt(IReadOnlyList<string> stages);
    public abstract string LostReportSummary(int lost, decimal amount);
    public abstract string LostReportNone();
    public abstract string ForecastReportSummary(decimal weighted, decimal? target, decimal? percentOfTarget);
    public abstract string ForecastReportUndated(int deals, decimal weighted);

    protected abstract void AddReportDocs(IDictionary<string, CommandDoc> docs);
}

using ChatCrm.Bot.Data;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// What a report is asked for: a period of local dates in the asker's zone, and at most one narrowing. A manager's
/// request always carries their own id in <see cref="ManagerId"/>: the command sets it, so no report can show a
/// manager someone else's figures. <see cref="Currency"/> is the company's (`Crm:Currency`), for amounts in words.
/// </summary>
public sealed record ReportRequest(
    ReportPeriod Period,
    TimeZoneInfo Zone,
    DateTime NowUtc,
    long? ManagerId = null,
    long? SegmentId = null,
    long? CycleId = null,
    string Currency = "RUB")
{
    /// <summary>The period as UTC instants [From, To): local midnights in <see cref="Zone"/>.</summary>
    public (DateTime FromUtc, DateTime ToUtc) Utc => Period.ToUtc(Zone);

    public DateOnly Today => DateOnly.FromDateTime(Core.Time.TimeZones.ToLocal(NowUtc, Zone));
}

/// <summary>
/// One table of a report's figures: the rows of the XLSX/CSV sheet and the lines of the text are both made from
/// it, so they cannot disagree. Cells are strings, numbers (decimal for money, int for counts, decimal for
/// shares in percent) or null.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>A chart of the same figures: one or more series over the same labels.</summary>
public sealed record ReportChart(string Title, ChartShape Shape, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

public enum ChartShape
{
    /// <summary>Horizontal bars, one per label (stages, managers, reasons): long Cyrillic labels stay readable.</summary>
    Bars,

    /// <summary>Lines over time (months, weeks, days): trends.</summary>
    Lines,
}

/// <summary>
/// A report's figures in the user's language: a headline and summary lines for the chat (HTML, escaped), the
/// tables behind them, and an optional chart. The renderers turn this into the message (paged within 4096
/// characters), the PNG and the XLSX or CSV file.
/// </summary>
public sealed record ReportResult(string Title, IReadOnlyList<string> Summary, IReadOnlyList<ReportTable> Tables, ReportChart? Chart);

/// <summary>
/// One kind of /report (funnel, managers, lost, products, activity, obligations, forecast). A query object: every
/// figure is an SQL aggregate that runs on SQLite and PostgreSQL alike; nothing loads rows to sum them in memory.
/// </summary>
public interface IReport
{
    /// <summary>The English word users type after /report (Russian synonyms are mapped by the command).</summary>
    string Kind { get; }

    Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct);
}

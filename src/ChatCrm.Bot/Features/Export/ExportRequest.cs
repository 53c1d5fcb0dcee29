using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Bot.Features.Export;

/// <summary>
/// One export: what, for which period (null: all time), for whom (<paramref name="Asker"/> decides what is visible,
/// through <c>Visibility</c>), narrowed to one manager, segment or cycle, with dates shown in <paramref name="Zone"/>.
/// </summary>
internal sealed record ExportRequest(ExportKind Kind, ReportPeriod? Period, TimeZoneInfo Zone, User Asker,
    long? ManagerId = null, long? SegmentId = null, long? CycleId = null);

/// <summary>A sheet to write: the headers, and the rows as typed cells (text already neutralised, numbers, dates) read as written.</summary>
internal sealed record ExportSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<object?[]> Rows);

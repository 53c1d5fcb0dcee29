using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// <c>/report activity</c>: the work-type structure of each manager's done touches, per day for a period of up to
/// <see cref="MaxDailyDays"/> days, else per week (Monday to Sunday, cut to the period). One GROUP BY query by
/// manager, work type and bucket; the bucket is a <c>CASE</c> over the local midnights, so it runs on SQLite and
/// PostgreSQL alike. The table has a column per work type; the chart has a line per work type over the buckets
/// (all listed managers together).
/// </summary>
public sealed class ActivityReport : IReport
{
    public const int MaxDailyDays = 31;

    public string Kind => "activity";

    public async Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(t);
        var (from, to) = request.Utc;
        var weekly = request.Period.Days > MaxDailyDays;
        var starts = BucketStarts(request.Period, weekly);
        var bounds = starts.Skip(1).Select(d => ReportScope.Midnight(d, request.Zone)).ToList();
        var bucket = ReportScope.Bucket<Core.Domain.Crm.Touch>(a => a.HappenedAt, bounds);

        var counts = await ReportScope.DoneTouches(db, request, from, to)
            .Select(ReportScope.With(bucket, (a, b) => new { a.UserId, a.WorkTypeId, Bucket = b }))
            .GroupBy(x => new { x.UserId, x.WorkTypeId, x.Bucket })
            .Select(g => new { g.Key.UserId, g.Key.WorkTypeId, g.Key.Bucket, N = g.Count() })
            .ToListAsync(ct);

        var typeIds = counts.Select(c => c.WorkTypeId).ToHashSet();
        var types = await db.WorkTypes.AsNoTracking().Where(w => typeIds.Contains(w.Id)).OrderBy(w => w.Id)
            .Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        var people = await ReportScope.PeopleAsync(db, request, counts.Select(c => c.UserId).ToHashSet(), ct);
        var labels = starts.Select(Label).ToList();

        var columns = new List<string> { t.ReportColManager, weekly ? t.ReportColWeek : t.ReportColDay };
        columns.AddRange(types.Select(w => w.Name));
        columns.Add(t.ReportColTotal);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (id, name) in people)
        {
            var own = counts.Where(c => c.UserId == id).ToList();
            if (own.Count == 0 && request.ManagerId is null)
            {
                continue;
            }

            for (var i = 0; i < starts.Count; i++)
            {
                var row = new List<object?> { name, labels[i] };
                row.AddRange(types.Select(w => (object?)own.Where(c => c.Bucket == i && c.WorkTypeId == w.Id).Sum(c => c.N)));
                row.Add(own.Where(c => c.Bucket == i).Sum(c => c.N));
                rows.Add(row);
            }
        }

        var series = types.Select(w => new ChartSeries(w.Name,
            Enumerable.Range(0, starts.Count).Select(i => (double)counts.Where(c => c.Bucket == i && c.WorkTypeId == w.Id).Sum(c => c.N)).ToList()))
            .ToList();
        var title = t.ActivityReportTitle(PeriodFormatter.Describe(request.Period, t.Language));
        var total = counts.Sum(c => c.N);
        var summary = new List<string> { total == 0 ? t.ReportNothing : t.ActivityReportTotals(total, counts.Select(c => c.UserId).Distinct().Count(), weekly) };
        return new ReportResult(title, summary, [new ReportTable(t.ReportTableActivity, columns, rows)],
            new ReportChart(title, ChartShape.Lines, labels, series));
    }

    /// <summary>The first local day of each bucket: every day, or the period's first day then every Monday after it.</summary>
    internal static IReadOnlyList<DateOnly> BucketStarts(ReportPeriod period, bool weekly)
    {
        var starts = new List<DateOnly>();
        for (var day = period.First; day <= period.Last; day = day.AddDays(1))
        {
            if (!weekly || day == period.First || day.DayOfWeek == DayOfWeek.Monday)
            {
                starts.Add(day);
            }
        }

        return starts;
    }

    /// <summary>«07.11»: the first day of the bucket, the same in both languages.</summary>
    private static string Label(DateOnly day) => day.ToString("dd.MM", CultureInfo.InvariantCulture);
}

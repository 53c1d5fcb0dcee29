using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// forecast: the open deals' weighted amount (amount × the probability of the stage they are in, as the weekly
/// digest weighs its pipeline) by the month they are expected to close (<see cref="Deal.ExpectedCloseAt"/>, months in
/// the asker's zone), against the month targets. Rows: each month of the period; before it (expected dates already
/// past) and after it when there are such deals; and the deals with no date. The target is the company's, or the
/// manager's when the report is narrowed to one; a segment or a cycle has no target.
/// </summary>
public sealed class ForecastReport : IReport
{
    public string Kind => "forecast";

    public async Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(t);
        var open = Reports.Deals(db, request).Where(d => d.Status == DealStatus.Open);
        var probability = await db.Stages.ToDictionaryAsync(s => s.Id, s => s.Probability, ct);
        var months = request.Period.Months().ToList();
        var (first, end) = (ReportPeriod.MonthOf(months[0]).ToUtc(request.Zone).FromUtc, ReportPeriod.MonthOf(months[^1]).ToUtc(request.Zone).ToUtc);

        async Task<(int N, decimal Sum, decimal Weighted)> Bucket(IQueryable<Deal> deals)
        {
            var byStage = await deals.GroupBy(d => d.StageId).Select(g => new { g.Key, N = g.Count(), Sum = g.Sum(d => d.Amount) }).ToListAsync(ct);
            return (byStage.Sum(s => s.N), byStage.Sum(s => s.Sum), byStage.Sum(s => s.Sum * probability.GetValueOrDefault(s.Key) / 100m));
        }

        var (firstMonth, lastMonth) = (Target.MonthOf(months[0].ToDateTime(TimeOnly.MinValue)), Target.MonthOf(months[^1].ToDateTime(TimeOnly.MinValue)));
        var targets = request.SegmentId is null && request.CycleId is null
            ? await db.Targets.Where(x => request.ManagerId == null || x.UserId == request.ManagerId)
                .Where(x => x.Month >= firstMonth && x.Month <= lastMonth)
                .GroupBy(x => x.Month).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct)
            : null;

        var rows = new List<IReadOnlyList<object?>>();
        var (weightedInPeriod, targetInPeriod) = (0m, (decimal?)(targets is null ? null : 0m));
        var before = await Bucket(open.Where(d => d.ExpectedCloseAt < first));
        if (before.N > 0)
        {
            rows.Add([t.ReportLabel("earlier"), before.N, before.Sum, before.Weighted, null, null]);
        }

        var chartWeighted = new List<double>();
        var chartTarget = new List<double>();
        foreach (var month in months)
        {
            var (from, to) = ReportPeriod.MonthOf(month).ToUtc(request.Zone);
            var b = await Bucket(open.Where(d => d.ExpectedCloseAt >= from && d.ExpectedCloseAt < to));
            decimal? target = targets is null ? null : targets.GetValueOrDefault(Target.MonthOf(month.ToDateTime(TimeOnly.MinValue)));
            rows.Add([PeriodFormatter.Describe(ReportPeriod.MonthOf(month), t.Language), b.N, b.Sum, b.Weighted, target,
                target is { } x and > 0 ? Reports.Percent(b.Weighted, x) : null]);
            weightedInPeriod += b.Weighted;
            targetInPeriod += target ?? 0;
            chartWeighted.Add((double)b.Weighted);
            chartTarget.Add((double)(target ?? 0));
        }

        var after = await Bucket(open.Where(d => d.ExpectedCloseAt >= end));
        if (after.N > 0)
        {
            rows.Add([t.ReportLabel("later"), after.N, after.Sum, after.Weighted, null, null]);
        }

        var undated = await Bucket(open.Where(d => d.ExpectedCloseAt == null));
        rows.Add([t.ReportLabel("noDate"), undated.N, undated.Sum, undated.Weighted, null, null]);

        var table = new ReportTable(t.ReportKindName(Kind),
            [t.ReportLabel("month"), t.ReportLabel("deals"), t.ReportLabel("amount"), t.ReportLabel("weighted"), t.ReportLabel("target"), t.ReportLabel("ofTarget")],
            rows);
        var summary = new List<string>
        {
            t.ForecastReportSummary(weightedInPeriod, targetInPeriod, targetInPeriod is > 0 ? Reports.Percent(weightedInPeriod, targetInPeriod.Value) : null),
        };
        if (undated.N > 0)
        {
            summary.Add(t.ForecastReportUndated(undated.N, undated.Weighted));
        }

        var series = new List<ChartSeries> { new(t.ReportLabel("weighted"), chartWeighted) };
        if (targets is not null)
        {
            series.Add(new ChartSeries(t.ReportLabel("target"), chartTarget));
        }

        var chart = new ReportChart(t.ReportKindName(Kind), ChartShape.Lines,
            [.. months.Select(m => PeriodFormatter.Describe(ReportPeriod.MonthOf(m), t.Language))], series);
        return new ReportResult(t.ReportKindName(Kind), summary, [table], chart);
    }
}

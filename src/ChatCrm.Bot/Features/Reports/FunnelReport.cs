using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// funnel: per cycle and stage, the open deals now (count and amount); the deals that entered each stage in the
/// period (from the stage history, each deal once per stage) and the conversion to the next stage (entered the next
/// ÷ entered this; after the last stage, won ÷ entered); and where the period's lost deals stood when they were lost.
/// A deal lost, reopened and lost again counts once, at the stage of its last loss, as its row says now.
/// </summary>
public sealed class FunnelReport : IReport
{
    public string Kind => "funnel";

    public async Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(t);
        var (from, to) = request.Utc;
        var deals = Reports.Deals(db, request);

        var open = await deals.Where(d => d.Status == DealStatus.Open)
            .GroupBy(d => d.StageId).Select(g => new { g.Key, N = g.Count(), Sum = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(x => x.Key, ct);
        var entered = await db.StageChanges
            .Where(c => c.At >= from && c.At < to && c.ToStageId != null
                && (c.Kind == StageChangeKind.Opened || c.Kind == StageChangeKind.Moved || c.Kind == StageChangeKind.Reopened))
            .Join(deals, c => c.DealId, d => d.Id, (c, d) => new { StageId = c.ToStageId!.Value, c.DealId })
            .Distinct()
            .GroupBy(x => x.StageId).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var lost = await deals.Where(d => d.Status == DealStatus.Lost && d.ClosedAt >= from && d.ClosedAt < to)
            .GroupBy(d => d.StageId).Select(g => new { g.Key, N = g.Count(), Sum = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(x => x.Key, ct);
        var won = await deals.Where(d => d.Status == DealStatus.Won && d.ClosedAt >= from && d.ClosedAt < to)
            .GroupBy(d => d.CycleId).Select(g => new { g.Key, N = g.Count(), Sum = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(x => x.Key, ct);

        var stages = await db.Stages.AsNoTracking()
            .Join(db.Cycles, s => s.CycleId, c => c.Id, (s, c) => new { Stage = s, Cycle = c.Name, c.IsDefault })
            .Where(x => request.CycleId == null || x.Stage.CycleId == request.CycleId)
            .OrderByDescending(x => x.IsDefault).ThenBy(x => x.Stage.CycleId).ThenBy(x => x.Stage.Position)
            .ToListAsync(ct);
        bool HasFigures(long stage) => open.ContainsKey(stage) || entered.ContainsKey(stage) || lost.ContainsKey(stage);
        var shown = stages.GroupBy(x => x.Stage.CycleId)
            .Where(g => g.First().IsDefault || request.CycleId != null || g.Any(x => HasFigures(x.Stage.Id)) || won.ContainsKey(g.Key))
            .Select(g => g.Where(x => !x.Stage.IsRetired || HasFigures(x.Stage.Id)).ToList())
            .ToList();

        var rows = new List<IReadOnlyList<object?>>();
        var lostRows = new List<IReadOnlyList<object?>>();
        var chartLabels = new List<string>();
        var (chartOpen, chartEntered) = (new List<double>(), new List<double>());
        var manyCycles = shown.Count > 1;
        foreach (var cycle in shown.Where(c => c.Count > 0))
        {
            var cycleId = cycle[0].Stage.CycleId;
            var wonHere = won.GetValueOrDefault(cycleId);
            for (var i = 0; i < cycle.Count; i++)
            {
                var s = cycle[i].Stage;
                var o = open.GetValueOrDefault(s.Id);
                var e = entered.GetValueOrDefault(s.Id);
                var next = i + 1 < cycle.Count ? entered.GetValueOrDefault(cycle[i + 1].Stage.Id) : wonHere?.N ?? 0;
                var l = lost.GetValueOrDefault(s.Id);
                rows.Add([cycle[0].Cycle, s.Name, o?.N ?? 0, o?.Sum ?? 0m, e, Reports.Percent(next, e)]);
                if (l is not null)
                {
                    lostRows.Add([cycle[0].Cycle, s.Name, l.N, l.Sum]);
                }

                chartLabels.Add(manyCycles ? $"{cycle[0].Cycle}: {s.Name}" : s.Name);
                chartOpen.Add(o?.N ?? 0);
                chartEntered.Add(e);
            }

            rows.Add([cycle[0].Cycle, t.ReportLabel("won"), null, wonHere?.Sum ?? 0m, wonHere?.N ?? 0, null]);
        }

        var summary = new List<string>
        {
            t.FunnelReportSummary(open.Values.Sum(x => x.N), open.Values.Sum(x => x.Sum), won.Values.Sum(x => x.N), won.Values.Sum(x => x.Sum),
                lost.Values.Sum(x => x.N), lost.Values.Sum(x => x.Sum)),
        };
        if (lostRows.Count > 0)
        {
            summary.Add(t.FunnelReportLostAt([.. lostRows.OrderByDescending(r => (int)r[2]!).Select(r => $"{r[1]} {r[2]}")]));
        }

        var main = new ReportTable(t.ReportLabel("funnel"),
            [t.ReportLabel("cycle"), t.ReportLabel("stage"), t.ReportLabel("open"), t.ReportLabel("amount"), t.ReportLabel("entered"), t.ReportLabel("conversion")],
            rows);
        var lostTable = new ReportTable(t.ReportLabel("lostAt"),
            [t.ReportLabel("cycle"), t.ReportLabel("stage"), t.ReportLabel("lost"), t.ReportLabel("amount")], lostRows);
        var chart = new ReportChart(t.ReportKindName(Kind), ChartShape.Bars, chartLabels,
            [new ChartSeries(t.ReportLabel("open"), chartOpen), new ChartSeries(t.ReportLabel("entered"), chartEntered)]);
        return new ReportResult(t.ReportKindName(Kind), summary, [main, lostTable], chart);
    }
}

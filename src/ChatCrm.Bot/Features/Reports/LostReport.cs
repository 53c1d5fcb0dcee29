using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// lost: the deals lost in the period (closed as lost in it and still lost), by reason × stage at loss × manager,
/// as counts, amounts and shares of all the period's losses. The first table sums by reason; the others by
/// stage, by manager and the full breakdown.
/// </summary>
public sealed class LostReport : IReport
{
    public string Kind => "lost";

    public async Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(t);
        var (from, to) = request.Utc;
        var groups = await Reports.Deals(db, request)
            .Where(d => d.Status == DealStatus.Lost && d.ClosedAt >= from && d.ClosedAt < to)
            .GroupBy(d => new { d.LostReasonId, d.StageId, d.OwnerUserId })
            .Select(g => new { g.Key.LostReasonId, g.Key.StageId, g.Key.OwnerUserId, N = g.Count(), Sum = g.Sum(d => d.Amount) })
            .ToListAsync(ct);

        var reasonIds = groups.Where(g => g.LostReasonId != null).Select(g => g.LostReasonId!.Value).Distinct().ToList();
        var stageIds = groups.Select(g => g.StageId).Distinct().ToList();
        var userIds = groups.Select(g => g.OwnerUserId).Distinct().ToList();
        var reasons = await db.LostReasons.Where(r => reasonIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var stages = await db.Stages.Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Name, s.CycleId, s.Position), ct);
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var rows = groups.Select(g => new
        {
            Reason = g.LostReasonId is { } r ? reasons.GetValueOrDefault(r, "?") : "?",
            Stage = stages.TryGetValue(g.StageId, out var stage) ? stage : (Name: "?", CycleId: 0L, Position: 0),
            Manager = users.GetValueOrDefault(g.OwnerUserId, "?"),
            g.N,
            g.Sum,
        }).ToList();
        var total = rows.Sum(r => r.N);
        var totalAmount = rows.Sum(r => r.Sum);

        var byReason = new ReportTable(t.ReportLabel("byReason"), [t.ReportLabel("reason"), t.ReportLabel("lost"), t.ReportLabel("share"), t.ReportLabel("amount")],
            Sums(rows.Select(r => (r.Reason, r.N, r.Sum)), total));
        var byStage = new ReportTable(t.ReportLabel("byStage"), [t.ReportLabel("stage"), t.ReportLabel("lost"), t.ReportLabel("share"), t.ReportLabel("amount")],
            Sums(rows.OrderBy(r => r.Stage.CycleId).ThenBy(r => r.Stage.Position).Select(r => (r.Stage.Name, r.N, r.Sum)), total, keepOrder: true));
        var byManager = new ReportTable(t.ReportLabel("byManager"), [t.ReportLabel("manager"), t.ReportLabel("lost"), t.ReportLabel("share"), t.ReportLabel("amount")],
            Sums(rows.Select(r => (r.Manager, r.N, r.Sum)), total));
        var detail = new ReportTable(t.ReportLabel("detail"),
            [t.ReportLabel("reason"), t.ReportLabel("stage"), t.ReportLabel("manager"), t.ReportLabel("lost"), t.ReportLabel("share"), t.ReportLabel("amount")],
            rows.OrderByDescending(r => r.N).ThenBy(r => r.Reason, StringComparer.Ordinal).ThenBy(r => r.Stage.Position).ThenBy(r => r.Manager, StringComparer.Ordinal)
                .Select(r => (IReadOnlyList<object?>)[r.Reason, r.Stage.Name, r.Manager, r.N, Reports.Percent(r.N, total), r.Sum]).ToList());

        var summary = new List<string> { total == 0 ? t.LostReportNone() : t.LostReportSummary(total, totalAmount) };
        var chart = new ReportChart(t.ReportLabel("byReason"), ChartShape.Bars, [.. byReason.Rows.Select(r => (string)r[0]!)],
            [new ChartSeries(t.ReportLabel("lost"), [.. byReason.Rows.Select(r => (double)(int)r[1]!)])]);
        return new ReportResult(t.ReportKindName(Kind), summary, [byReason, byStage, byManager, detail], chart);
    }

    /// <summary>Rows summed by label: count, share of <paramref name="total"/>, amount; the biggest first unless the order is kept.</summary>
    private static List<IReadOnlyList<object?>> Sums(IEnumerable<(string Label, int N, decimal Sum)> rows, int total, bool keepOrder = false)
    {
        var order = new List<string>();
        var sums = new Dictionary<string, (int N, decimal Sum)>(StringComparer.Ordinal);
        foreach (var (label, n, sum) in rows)
        {
            if (!sums.TryGetValue(label, out var s))
            {
                order.Add(label);
            }

            sums[label] = (s.N + n, s.Sum + sum);
        }

        var labels = keepOrder
            ? order
            : [.. order.OrderByDescending(l => sums[l].N).ThenByDescending(l => sums[l].Sum).ThenBy(l => l, StringComparer.Ordinal)];
        return labels.Select(l => (IReadOnlyList<object?>)[l, sums[l].N, Reports.Percent(sums[l].N, total), sums[l].Sum]).ToList();
    }
}

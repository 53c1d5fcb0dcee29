using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// <c>/report managers</c>: per manager, in the period —
/// <list type="bullet">
/// <item><b>clients in work</b>: the clients they own that had a deal open at some moment of the period (opened
/// before its end, not closed before its start) or a touch done in it;</item>
/// <item><b>touches</b> done, per work type, against the person's own norm for it (theirs, their department's or the
/// company's, see <see cref="NormBook"/>) × working days (or weeks) of the period (<see cref="TouchNorm.ExpectedBetween"/>);
/// the managers table gives the share of the norms met, each type's touches counted only up to its norm;</item>
/// <item><b>new</b> deals (opened in the period), <b>won</b> and <b>lost</b> deals (closed so in the period; a deal
/// reopened and lost again counts once, by its last close), the <b>win rate</b> won / (won + lost);</item>
/// <item><b>average duration</b> in days from opening to closing of the deals closed (won or lost) in the period;</item>
/// <item>the <b>weighted forecast</b> (open deals now × their stage's probability) against the <b>target</b> of the
/// period's months and what was actually <b>paid</b> in the period.</item>
/// </list>
/// Counts and sums are GROUP BY queries; the weighted forecast multiplies per-stage sums by the stage's probability,
/// and the average duration averages the two dates of the period's closes (EF has no portable date difference).
/// </summary>
public sealed class ManagersReport : IReport
{
    public string Kind => "managers";

    public async Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(t);
        var (from, to) = request.Utc;
        var deals = Reports.Deals(db, request);
        var touches = ReportScope.DoneTouches(db, request, from, to);

        // Driven by the period's deals and touches, not by all clients: the distinct ids of the clients with a deal
        // open at some moment of the period or a touch done in it (UNION), then each one's owner — the client's, not
        // the deal's or the toucher's — counted. Dormant clients are never read.
        var workedClientIds = deals.Where(d => d.OpenedAt < to && (d.ClosedAt == null || d.ClosedAt >= from)).Select(d => d.ClientId)
            .Union(touches.Select(a => a.ClientId));
        var workedClients = db.Clients.AsNoTracking().Where(c => c.OwnerUserId != null);
        if (request.ManagerId is { } manager)
        {
            workedClients = workedClients.Where(c => c.OwnerUserId == manager);
        }

        if (request.SegmentId is { } segment)
        {
            workedClients = workedClients.Where(c => c.SegmentId == segment);
        }

        var clients = await workedClientIds.Join(workedClients, id => id, c => c.Id, (id, c) => c.OwnerUserId!.Value)
            .GroupBy(owner => owner).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);

        var done = await touches.GroupBy(a => new { a.UserId, a.WorkTypeId })
            .Select(g => new { g.Key.UserId, g.Key.WorkTypeId, N = g.Count() }).ToListAsync(ct);
        var book = await Norms.LoadAsync(db, ct);
        var workTypes = await db.WorkTypes.AsNoTracking().OrderBy(w => w.Id).Select(w => new { w.Id, w.Name }).ToListAsync(ct);

        var opened = await deals.Where(d => d.OpenedAt >= from && d.OpenedAt < to).GroupBy(d => d.OwnerUserId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var closed = await deals.Where(d => d.Status != DealStatus.Open && d.ClosedAt >= from && d.ClosedAt < to)
            .GroupBy(d => new { d.OwnerUserId, d.Status }).Select(g => new { g.Key.OwnerUserId, g.Key.Status, N = g.Count() })
            .ToListAsync(ct);
        var spans = await deals.Where(d => d.Status != DealStatus.Open && d.ClosedAt >= from && d.ClosedAt < to)
            .Select(d => new { d.OwnerUserId, d.OpenedAt, ClosedAt = d.ClosedAt!.Value }).ToListAsync(ct);
        var openByStage = await deals.Where(d => d.Status == DealStatus.Open).GroupBy(d => new { d.OwnerUserId, d.StageId })
            .Select(g => new { g.Key.OwnerUserId, g.Key.StageId, Sum = g.Sum(d => d.Amount) }).ToListAsync(ct);
        var probability = await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Probability, ct);
        var firstMonth = Target.MonthOf(request.Period.First.ToDateTime(TimeOnly.MinValue));
        var lastMonth = Target.MonthOf(request.Period.Last.ToDateTime(TimeOnly.MinValue));
        var targets = await db.Targets.AsNoTracking().Where(x => x.Month >= firstMonth && x.Month <= lastMonth)
            .GroupBy(x => x.UserId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var paid = await db.Obligations.AsNoTracking().Where(o => o.Kind == ObligationKind.Payment && o.At >= from && o.At < to)
            .Join(deals, o => o.DealId, d => d.Id, (o, d) => new { d.OwnerUserId, o.Amount })
            .GroupBy(x => x.OwnerUserId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum ?? 0m, ct);

        var involved = clients.Keys.Concat(done.Select(d => d.UserId)).Concat(opened.Keys).Concat(closed.Select(c => c.OwnerUserId))
            .Concat(openByStage.Select(o => o.OwnerUserId)).Concat(paid.Keys).ToHashSet();
        var people = await ReportScope.PeopleAsync(db, request, involved, ct);
        var personIds = people.Select(p => p.Id).ToList();
        var departmentOf = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DepartmentId, ct);

        var rows = new List<IReadOnlyList<object?>>();
        var typeRows = new List<IReadOnlyList<object?>>();
        var labels = new List<string>();
        var (paidSeries, targetSeries, weightedSeries) = (new List<double>(), new List<double>(), new List<double>());
        int sumClients = 0, sumTouches = 0, sumMet = 0, sumNorm = 0, sumNew = 0, sumWon = 0, sumLost = 0;
        decimal sumPaid = 0, sumTarget = 0, sumWeighted = 0;
        foreach (var (id, name) in people)
        {
            var touchCount = done.Where(d => d.UserId == id).Sum(d => d.N);
            var won = closed.Where(c => c.OwnerUserId == id && c.Status == DealStatus.Won).Sum(c => c.N);
            var lost = closed.Where(c => c.OwnerUserId == id && c.Status == DealStatus.Lost).Sum(c => c.N);
            var own = spans.Where(s => s.OwnerUserId == id).ToList();
            decimal? avgDays = own.Count == 0 ? null
                : decimal.Round((decimal)own.Average(s => (s.ClosedAt - s.OpenedAt).TotalDays), 1, MidpointRounding.AwayFromZero);
            var weighted = decimal.Round(openByStage.Where(o => o.OwnerUserId == id)
                .Sum(o => o.Sum * probability.GetValueOrDefault(o.StageId) / 100m), 2, MidpointRounding.AwayFromZero);
            var target = targets.GetValueOrDefault(id);
            var paidSum = paid.GetValueOrDefault(id);
            var clientCount = clients.GetValueOrDefault(id);

            // Each work type against this person's own norm for it; an e-mail never makes up for a missing call, so
            // the share met counts each type's touches only up to its norm.
            var expected = book.Expected(id, departmentOf.GetValueOrDefault(id), n => n.ExpectedBetween(request.Period.First, request.Period.Last));
            int DoneOf(long type) => done.Where(d => d.UserId == id && d.WorkTypeId == type).Sum(d => d.N);
            var normSum = expected.Values.Sum();
            var met = expected.Sum(e => Math.Min(DoneOf(e.Key), e.Value));
            rows.Add([name, clientCount, touchCount, Reports.Percent(met, normSum), opened.GetValueOrDefault(id), won, lost,
                Reports.Percent(won, won + lost), avgDays, weighted, target, paidSum]);
            foreach (var type in workTypes)
            {
                var n = DoneOf(type.Id);
                var norm = expected.GetValueOrDefault(type.Id);
                if (n > 0 || norm > 0)
                {
                    typeRows.Add([name, type.Name, n, norm, Reports.Percent(n, norm)]);
                }
            }

            labels.Add(name);
            paidSeries.Add((double)paidSum);
            targetSeries.Add((double)target);
            weightedSeries.Add((double)weighted);
            (sumClients, sumTouches, sumMet, sumNorm, sumNew, sumWon, sumLost) = (sumClients + clientCount, sumTouches + touchCount,
                sumMet + met, sumNorm + normSum, sumNew + opened.GetValueOrDefault(id), sumWon + won, sumLost + lost);
            (sumPaid, sumTarget, sumWeighted) = (sumPaid + paidSum, sumTarget + target, sumWeighted + weighted);
        }

        var summary = new List<string>
        {
            t.ManagersReportTotals(sumClients, sumTouches, Reports.Percent(sumMet, sumNorm), sumNew, sumWon, sumLost, Reports.Percent(sumWon, sumWon + sumLost),
                t.Money(sumPaid, request.Currency), t.Money(sumTarget, request.Currency), t.Money(sumWeighted, request.Currency)),
        };
        var tables = new List<ReportTable>
        {
            new(t.ReportTableManagers, [t.ReportColManager, t.ReportColClientsInWork, t.ReportColTouches, t.ReportColNormShare,
                t.ReportColNewDeals, t.ReportColWon, t.ReportColLost, t.ReportColWinRate, t.ReportColAvgDays,
                t.ReportColWeighted, t.ReportColTarget, t.ReportColPaid], rows),
            new(t.ReportTableTouches, [t.ReportColManager, t.ReportColWorkType, t.ReportColTouches, t.ReportColNorm, t.ReportColNormShare], typeRows),
        };
        var title = t.ManagersReportTitle(PeriodFormatter.Describe(request.Period, t.Language));
        var chart = new ReportChart(title, ChartShape.Bars, labels,
            [new ChartSeries(t.ReportColWeighted, weightedSeries), new ChartSeries(t.ReportColTarget, targetSeries), new ChartSeries(t.ReportColPaid, paidSeries)]);
        return new ReportResult(title, summary, tables, chart);
    }
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// <c>/report obligations</c>:
/// <list type="bullet">
/// <item>receivables today with part payments counted, aged by due date (not yet due, 0–30, 31–60, 61–90, 90+ days,
/// <see cref="Receivables"/>): per deal, payments cover the earliest-due expected payment first, in SQL
/// <c>owed = MIN(expected, MAX(0, running_expected − deal_paid))</c> with the running sum as a correlated subquery
/// (due date, then id); deals lost are left out — nothing is expected from them any more;</item>
/// <item>expected payments due in the period against payments received in it;</item>
/// <item>shipments expected in the period against shipments done in it, and the shipments late now (an expected
/// shipment past its date that no shipment has settled, on a deal not lost).</item>
/// </list>
/// </summary>
public sealed class ObligationsReport : IReport
{
    private static readonly AgeBucket[] ByBound = [AgeBucket.Over90Days, AgeBucket.Days61To90, AgeBucket.Days31To60, AgeBucket.UpTo30Days, AgeBucket.NotYetDue];

    public string Kind => "obligations";

    public async Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(t);
        var (from, to) = request.Utc;
        var deals = Reports.Deals(db, request);
        var today = request.Today;
        var bounds = new[] { -90, -60, -30, 0 }.Select(d => ReportScope.Midnight(today.AddDays(d), request.Zone)).ToList();
        var bucket = ReportScope.Bucket<OwedRow>(r => r.DueAt, bounds);

        var owedRows = db.Obligations.AsNoTracking().Where(e => e.Kind == ObligationKind.ExpectedPayment)
            .Join(deals.Where(d => d.Status != DealStatus.Lost), e => e.DealId, d => d.Id, (e, d) => new { e, d.OwnerUserId })
            .Select(x => new
            {
                x.OwnerUserId,
                x.e.DueAt,
                Expected = x.e.Amount ?? 0m,
                Running = db.Obligations.Where(o => o.DealId == x.e.DealId && o.Kind == ObligationKind.ExpectedPayment
                    && (o.DueAt < x.e.DueAt || (o.DueAt == x.e.DueAt && o.Id <= x.e.Id))).Sum(o => o.Amount) ?? 0m,
                Paid = db.Obligations.Where(o => o.DealId == x.e.DealId && o.Kind == ObligationKind.Payment).Sum(o => o.Amount) ?? 0m,
            })
            .Select(x => new OwedRow
            {
                OwnerUserId = x.OwnerUserId,
                DueAt = x.DueAt,
                Owed = x.Running - x.Paid <= 0m ? 0m : x.Running - x.Paid >= x.Expected ? x.Expected : x.Running - x.Paid,
            })
            .Where(x => x.Owed > 0m);
        var ageing = await owedRows.Select(ReportScope.With(bucket, (r, b) => new { r.OwnerUserId, r.Owed, Bucket = b }))
            .GroupBy(x => new { x.OwnerUserId, x.Bucket })
            .Select(g => new { g.Key.OwnerUserId, g.Key.Bucket, Owed = g.Sum(x => x.Owed), N = g.Count() })
            .ToListAsync(ct);

        var expected = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.ExpectedPayment && o.DueAt >= from && o.DueAt < to)
            .Join(deals, o => o.DealId, d => d.Id, (o, d) => new { d.OwnerUserId, o.Amount })
            .GroupBy(x => x.OwnerUserId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum ?? 0m, ct);
        var received = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.Payment && o.At >= from && o.At < to)
            .Join(deals, o => o.DealId, d => d.Id, (o, d) => new { d.OwnerUserId, o.Amount })
            .GroupBy(x => x.OwnerUserId).Select(g => new { g.Key, Sum = g.Sum(x => x.Amount) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum ?? 0m, ct);
        var shipped = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.Shipment && o.At >= from && o.At < to)
            .Join(deals, o => o.DealId, d => d.Id, (o, d) => d.OwnerUserId)
            .GroupBy(x => x).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);

        var expectedShipments = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.ExpectedShipment && o.DueAt >= from && o.DueAt < to)
            .Join(deals, o => o.DealId, d => d.Id, (o, d) => d.OwnerUserId)
            .CountAsync(ct);
        var lateShipments = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.ExpectedShipment && !o.IsSettled && o.DueAt < request.NowUtc)
            .Join(deals.Where(d => d.Status != DealStatus.Lost), o => o.DealId, d => d.Id, (o, d) => d.OwnerUserId)
            .GroupBy(x => x).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);

        var ageRows = ByBound.Select((b, i) => (Bucket: b, Owed: ageing.Where(a => a.Bucket == i).Sum(a => a.Owed), N: ageing.Where(a => a.Bucket == i).Sum(a => a.N)))
            .OrderBy(x => x.Bucket).ToList();
        var notDue = Array.IndexOf(ByBound, AgeBucket.NotYetDue);
        var people = await ReportScope.PeopleAsync(db, request,
            ageing.Select(a => a.OwnerUserId).Concat(expected.Keys).Concat(received.Keys).Concat(shipped.Keys).Concat(lateShipments.Keys).ToHashSet(), ct);
        var managerRows = people.Select(p => (IReadOnlyList<object?>)
        [
            p.Name, expected.GetValueOrDefault(p.Id), received.GetValueOrDefault(p.Id),
            ageing.Where(a => a.OwnerUserId == p.Id).Sum(a => a.Owed),
            ageing.Where(a => a.OwnerUserId == p.Id && a.Bucket != notDue).Sum(a => a.Owed),
            shipped.GetValueOrDefault(p.Id),
            lateShipments.GetValueOrDefault(p.Id),
        ]).ToList();

        var owed = ageRows.Sum(a => a.Owed);
        var overdue = ageRows.Where(a => a.Bucket != AgeBucket.NotYetDue).Sum(a => a.Owed);
        var summary = new List<string>
        {
            t.ObligationsOwed(t.Money(owed, request.Currency), t.Money(overdue, request.Currency), ageRows.Sum(a => a.N)),
            t.ObligationsPeriod(t.Money(expected.Values.Sum(), request.Currency), t.Money(received.Values.Sum(), request.Currency)),
            t.ObligationsShipments(expectedShipments, shipped.Values.Sum(), lateShipments.Values.Sum()),
        };
        var tables = new List<ReportTable>
        {
            new(t.ReportTableAgeing, [t.ReportColAge, t.ReportColOwed, t.ReportColPayments],
                ageRows.Select(a => (IReadOnlyList<object?>)[t.AgeBucketName(a.Bucket), a.Owed, a.N]).ToList()),
            new(t.ReportTableObligationsByManager, [t.ReportColManager, t.ReportColExpected, t.ReportColReceived, t.ReportColOwed,
                t.ReportColOverdue, t.ReportColShipments, t.ReportColLateShipments], managerRows),
        };
        var title = t.ObligationsReportTitle(PeriodFormatter.Describe(request.Period, t.Language));
        var chart = new ReportChart(title, ChartShape.Bars, ageRows.Select(a => t.AgeBucketName(a.Bucket)).ToList(),
            [new ChartSeries(t.ReportColOwed, ageRows.Select(a => (double)a.Owed).ToList())]);
        return new ReportResult(title, summary, tables, chart);
    }

    /// <summary>An expected payment with what is still owed on it; a named type so the bucket expression can see it.</summary>
    private sealed class OwedRow
    {
        public long OwnerUserId { get; init; }

        public DateTime? DueAt { get; init; }

        public decimal Owed { get; init; }
    }
}

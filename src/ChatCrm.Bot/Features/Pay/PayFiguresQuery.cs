using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Pay;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Pay;

/// <summary>
/// A manager's month as the pay scheme needs it (<see cref="PayFigures"/>), from SQL aggregates, computed on demand
/// so an undone or corrected payment changes pay at once. The month runs from local midnight of its first day to
/// local midnight of the next month's first day in the manager's own time zone.
/// </summary>
/// <remarks>
/// <para><b>Paid revenue</b> is every payment (an obligation of kind Payment) whose date falls in the month, on a deal
/// the manager owns now, with the segment of the deal's client.</para>
/// <para><b>By product.</b> A payment on a deal with product lines is split between the products in proportion to
/// the lines' amounts (a 100 000 payment on a deal of 60 000 machines and 40 000 service is 60 000 + 40 000); a deal
/// without lines, or whose lines sum to zero, is revenue without a product. The split is done per deal on two
/// grouped queries — the month's paid total per deal, and the line total per deal and product for those deals — so
/// no payment row is loaded. The shares are rounded down to the kopeck and the last product (by id) takes the
/// remainder, so a deal's shares always add up to what was paid.</para>
/// <para><b>Won deals</b> are deals the manager owns that are won now and were closed in the month (a reopened deal
/// no longer counts). <b>Touches</b> are the manager's completed touches that happened in the month, per work type.
/// <b>The target</b> is the manager's target for the month.</para>
/// </remarks>
internal static class PayFiguresQuery
{
    public static async Task<PayFigures> ForAsync(ChatCrmDbContext db, long userId, DateOnly month, TimeZoneInfo zone, CancellationToken ct) =>
        (await ForManyAsync(db, [userId], month, zone, ct))[userId];

    /// <summary>
    /// The same figures for several managers who share a time zone, in five grouped statements whatever their number:
    /// /payroll asks once per zone, not once per manager.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, PayFigures>> ForManyAsync(ChatCrmDbContext db, IReadOnlyCollection<long> userIds,
        DateOnly month, TimeZoneInfo zone, CancellationToken ct)
    {
        var (start, end) = LocalCalendar.Month(month, zone);
        var ids = userIds.Distinct().ToList();

        var paidByDeal = await (
                from o in db.Obligations
                join d in db.Deals on o.DealId equals d.Id
                join c in db.Clients on d.ClientId equals c.Id
                where ids.Contains(d.OwnerUserId) && o.Kind == ObligationKind.Payment && o.At >= start && o.At < end
                group o by new { d.OwnerUserId, o.DealId, c.SegmentId } into g
                select new { g.Key.OwnerUserId, g.Key.DealId, g.Key.SegmentId, Paid = g.Sum(o => o.Amount) })
            .ToListAsync(ct);

        // The lines of every deal paid in the month (a subquery, not thousands of ids sent back as parameters);
        // those of other managers' deals are simply not looked up below.
        var paidDeals = db.Obligations.Where(o => o.Kind == ObligationKind.Payment && o.At >= start && o.At < end).Select(o => o.DealId);
        var lines = paidByDeal.Count == 0
            ? []
            : await db.DealLines.Where(l => paidDeals.Contains(l.DealId))
                .GroupBy(l => new { l.DealId, l.ProductId })
                .Select(g => new { g.Key.DealId, g.Key.ProductId, Amount = g.Sum(l => l.Amount) })
                .ToListAsync(ct);
        var linesByDeal = lines.ToLookup(l => l.DealId, l => (l.ProductId, l.Amount));

        var revenue = paidByDeal
            .SelectMany(p => Split(p.Paid ?? 0, [.. linesByDeal[p.DealId]]).Select(s => (p.OwnerUserId, s.ProductId, p.SegmentId, s.Amount)))
            .GroupBy(x => (x.OwnerUserId, x.ProductId, x.SegmentId))
            .Select(g => (g.Key.OwnerUserId, Revenue: new PaidRevenue(g.Key.ProductId, g.Key.SegmentId, g.Sum(x => x.Amount))))
            .Where(r => r.Revenue.Amount > 0)
            .ToLookup(r => r.OwnerUserId, r => r.Revenue);

        var won = await db.Deals
            .Where(d => d.Status == DealStatus.Won && d.ClosedAt >= start && d.ClosedAt < end && ids.Contains(d.OwnerUserId))
            .GroupBy(d => d.OwnerUserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, ct);

        var touches = (await db.Touches
                .Where(t => ids.Contains(t.UserId) && t.Status == TouchStatus.Done && t.HappenedAt >= start && t.HappenedAt < end)
                .GroupBy(t => new { t.UserId, t.WorkTypeId })
                .Select(g => new { g.Key.UserId, g.Key.WorkTypeId, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(t => t.UserId, t => new TouchCount(t.WorkTypeId, t.Count));

        var key = Target.MonthOf(month.ToDateTime(TimeOnly.MinValue));
        var targets = await db.Targets.Where(t => ids.Contains(t.UserId) && t.Month == key)
            .ToDictionaryAsync(t => t.UserId, t => t.Amount, ct);

        return ids.ToDictionary(id => id, id => new PayFigures(
            [.. revenue[id].OrderBy(r => r.ProductId).ThenBy(r => r.SegmentId)],
            won.GetValueOrDefault(id),
            [.. touches[id].OrderBy(t => t.WorkTypeId)],
            targets.TryGetValue(id, out var target) ? target : null));
    }

    /// <summary>A deal's paid amount split by its line amounts per product; the last product takes the rounding remainder.</summary>
    internal static IEnumerable<(long? ProductId, decimal Amount)> Split(decimal paid, IReadOnlyList<(long ProductId, decimal Amount)> lines)
    {
        var total = lines.Sum(l => l.Amount);
        if (lines.Count == 0 || total <= 0)
        {
            yield return (null, paid);
            yield break;
        }

        var ordered = lines.OrderBy(l => l.ProductId).ToList();
        var given = 0m;
        for (var i = 0; i < ordered.Count; i++)
        {
            var share = i == ordered.Count - 1 ? paid - given : decimal.Floor(paid * ordered[i].Amount / total * 100) / 100;
            given += share;
            yield return (ordered[i].ProductId, share);
        }
    }
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// Expected payments: on the due day and once when overdue → the deal's owner; overdue for
/// <see cref="HeadAfterDays"/> → the heads. Expected shipments the same way: once when late → the owner, late for
/// <see cref="HeadAfterDays"/> → the heads. A won deal paid a day ago with nothing shipped and no shipment date set →
/// the owner, once. Sent during the recipient's working day only.
/// </summary>
public sealed class ObligationAlerts(ChatCrmDbContext db, ScheduledOutbox outbox)
{
    public const int HeadAfterDays = 3;
    private static readonly TimeSpan ShipAfterPayment = TimeSpan.FromDays(1);
    private static readonly TimeSpan ShipLookBack = TimeSpan.FromDays(90);

    public async Task<int> RunAsync(DateTime nowUtc, IReadOnlyDictionary<long, Recipient> atWork, IReadOnlyList<Recipient> headsAtWork, CancellationToken ct)
    {
        if (atWork.Count == 0)
        {
            return 0;
        }

        // Due today somewhere in the world at the latest: the end of today in the easternmost zone.
        var horizon = nowUtc.AddDays(1);
        var payments = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.ExpectedPayment && !o.IsSettled && o.DueAt < horizon)
            .Join(db.Deals, o => o.DealId, d => d.Id, (o, d) => new { o.Id, Due = o.DueAt!.Value, Amount = o.Amount ?? 0, DealId = d.Id, d.Title, d.OwnerUserId })
            .ToListAsync(ct);

        var messages = new List<(string Key, Recipient To, string Text)>();
        foreach (var p in payments)
        {
            if (!atWork.TryGetValue(p.OwnerUserId, out var owner))
            {
                continue;
            }

            var dueLocal = owner.ToLocal(p.Due);
            var late = owner.Today.DayNumber - DateOnly.FromDateTime(dueLocal).DayNumber;
            if (late == 0)
            {
                messages.Add(($"pay:{p.Id}:due", owner, owner.T.PaymentDue((int)p.DealId, p.Title, p.Amount, dueLocal)));
            }
            else if (late > 0)
            {
                messages.Add(($"pay:{p.Id}:late", owner, owner.T.PaymentOverdue((int)p.DealId, p.Title, p.Amount, dueLocal, late)));
            }

            if (late >= HeadAfterDays)
            {
                messages.AddRange(headsAtWork.Where(h => h.Id != p.OwnerUserId).Select(h => ($"pay:{p.Id}:head:{h.Id}", h,
                    h.T.PaymentOverdueToHead(owner.User.DisplayName, (int)p.DealId, p.Title, p.Amount, h.ToLocal(p.Due), late))));
            }
        }

        var lateShipments = await db.Obligations.AsNoTracking()
            .Where(o => o.Kind == ObligationKind.ExpectedShipment && !o.IsSettled && o.DueAt < nowUtc)
            .Join(db.Deals, o => o.DealId, d => d.Id, (o, d) => new { o.Id, Due = o.DueAt!.Value, DealId = d.Id, d.Title, d.OwnerUserId, d.Status })
            .Where(x => x.Status != DealStatus.Lost)
            .ToListAsync(ct);
        foreach (var s in lateShipments)
        {
            if (!atWork.TryGetValue(s.OwnerUserId, out var owner))
            {
                continue;
            }

            var late = owner.Today.DayNumber - DateOnly.FromDateTime(owner.ToLocal(s.Due)).DayNumber;
            if (late <= 0)
            {
                continue;
            }

            messages.Add(($"shiplate:{s.Id}", owner, owner.T.ShipmentOverdue((int)s.DealId, s.Title, owner.ToLocal(s.Due), late)));
            if (late >= HeadAfterDays)
            {
                messages.AddRange(headsAtWork.Where(h => h.Id != s.OwnerUserId).Select(h => ($"shiplate:{s.Id}:head:{h.Id}", h,
                    h.T.ShipmentOverdueToHead(owner.User.DisplayName, (int)s.DealId, s.Title, h.ToLocal(s.Due), late))));
            }
        }

        var paidBefore = nowUtc - ShipAfterPayment;
        var since = nowUtc - ShipLookBack;
        var unshipped = await db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Won && d.ClosedAt >= since
                && !db.Obligations.Any(o => o.DealId == d.Id && (o.Kind == ObligationKind.Shipment || o.Kind == ObligationKind.ExpectedShipment)))
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.OwnerUserId,
                FirstPaid = db.Obligations.Where(o => o.DealId == d.Id && o.Kind == ObligationKind.Payment).Min(o => o.At),
            })
            .Where(d => d.FirstPaid != null && d.FirstPaid <= paidBefore)
            .ToListAsync(ct);
        foreach (var d in unshipped)
        {
            if (atWork.TryGetValue(d.OwnerUserId, out var owner))
            {
                messages.Add(($"ship:{d.Id}", owner, owner.T.ShipmentDue((int)d.Id, d.Title, owner.ToLocal(d.FirstPaid!.Value))));
            }
        }

        var sent = await outbox.SentAsync(messages.Select(m => m.Key).ToList(), ct);
        var fresh = messages.Where(m => !sent.Contains(m.Key)).ToList();
        foreach (var (key, to, text) in fresh)
        {
            // Written during the recipient's working day, about today: worth delivering until the local day ends.
            // No window: its key lets it be written once, so a copy expired at the end of the day would never come again.
            outbox.Message(to.ChatId, text, key);
        }

        return fresh.Count > 0 && await outbox.CommitAsync(ct) ? fresh.Count : 0;
    }
}

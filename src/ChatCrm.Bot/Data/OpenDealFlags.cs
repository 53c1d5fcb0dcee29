using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChatCrm.Bot.Data;

/// <summary>
/// Keeps <see cref="Client.HasOpenDeal"/> in step with the deals, in the one place every change passes: the save.
/// Before <see cref="ChatCrmDbContext"/> writes a unit of work, the clients whose deals it adds, deletes, moves to
/// another client or changes the status of (open, win, lose, reopen, an /undo restoring either, a merge) have the flag
/// recomputed — from the deals as they will be after the save: the tracked ones as they stand, the stored ones from the
/// database — and written with the same save. The row is written even when the value stays, so two saves deciding on
/// the same client at once conflict (the client's concurrency check) instead of both keeping a stale answer.
/// Deals written around the tracker (<see cref="BulkInsert"/>, the import's new deals) mark their clients through
/// <see cref="MarkOpenAsync"/>.
/// </summary>
internal static class OpenDealFlags
{
    /// <summary>The clients whose open-deal flag the pending changes may alter, with what the tracker knows of their deals.</summary>
    private sealed record Plan(HashSet<long> Clients, HashSet<long> OpenTracked, List<long> TrackedDealIds);

    public static async Task SyncAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        if (Pending(db) is not { } plan)
        {
            return;
        }

        var ids = plan.Clients.ToList();
        var stored = await StoredOpen(db, plan, ids).ToListAsync(ct);
        var missing = Missing(db, ids);
        if (missing.Count > 0)
        {
            await db.Clients.Where(c => missing.Contains(c.Id)).LoadAsync(ct);
        }

        Apply(db, plan, stored);
    }

    public static void Sync(ChatCrmDbContext db)
    {
        if (Pending(db) is not { } plan)
        {
            return;
        }

        var ids = plan.Clients.ToList();
        var stored = StoredOpen(db, plan, ids).ToList();
        var missing = Missing(db, ids);
        if (missing.Count > 0)
        {
            db.Clients.Where(c => missing.Contains(c.Id)).Load();
        }

        Apply(db, plan, stored);
    }

    /// <summary>
    /// For deals written without the tracker: their open ones' clients get the flag — on the tracked entity when the
    /// unit of work holds it (saved with it), in one statement otherwise. Opening a deal only ever sets it; the row is
    /// written even when it was set already, for the same reason as in the save.
    /// </summary>
    public static async Task MarkOpenAsync(ChatCrmDbContext db, IEnumerable<Deal> deals, CancellationToken ct)
    {
        var ids = deals.Where(d => d.IsOpen).Select(d => d.ClientId).ToHashSet();
        if (ids.Count == 0)
        {
            return;
        }

        var tracked = TrackedClients(db);
        foreach (var id in ids.Where(tracked.ContainsKey))
        {
            var flag = tracked[id].Property(c => c.HasOpenDeal);
            flag.CurrentValue = true;
            flag.IsModified = tracked[id].State != EntityState.Added;
        }

        var rest = ids.Where(id => !tracked.ContainsKey(id)).ToList();
        if (rest.Count > 0)
        {
            await db.Clients.Where(c => rest.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.HasOpenDeal, true), ct);
        }
    }

    private static Plan? Pending(ChatCrmDbContext db)
    {
        var deals = db.ChangeTracker.Entries<Deal>().ToList();
        var clients = new HashSet<long>();
        foreach (var e in deals)
        {
            var clientId = e.Property(d => d.ClientId);
            switch (e.State)
            {
                case EntityState.Added:
                    clients.Add(clientId.CurrentValue);
                    break;
                case EntityState.Deleted:
                    clients.Add(clientId.OriginalValue);
                    break;
                case EntityState.Modified when e.Property(d => d.Status).IsModified || clientId.IsModified:
                    clients.Add(clientId.CurrentValue);
                    clients.Add(clientId.OriginalValue);
                    break;
            }
        }

        if (clients.Count == 0)
        {
            return null;
        }

        // The tracker's deals of these clients are as the save will leave them; the database answers for the rest.
        var mine = deals.Where(e => clients.Contains(e.Entity.ClientId) || clients.Contains(e.Property(d => d.ClientId).OriginalValue)).ToList();
        return new Plan(
            clients,
            [.. mine.Where(e => e.State != EntityState.Deleted && e.Entity.IsOpen).Select(e => e.Entity.ClientId)],
            [.. mine.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id)]);
    }

    private static IQueryable<long> StoredOpen(ChatCrmDbContext db, Plan plan, List<long> ids)
    {
        var skip = plan.TrackedDealIds;
        return db.Deals.Where(d => ids.Contains(d.ClientId) && d.Status == DealStatus.Open && !skip.Contains(d.Id))
            .Select(d => d.ClientId).Distinct();
    }

    private static List<long> Missing(ChatCrmDbContext db, List<long> ids)
    {
        var tracked = TrackedClients(db);
        return [.. ids.Where(id => id > 0 && !tracked.ContainsKey(id))];
    }

    private static void Apply(ChatCrmDbContext db, Plan plan, List<long> storedOpen)
    {
        var open = plan.OpenTracked;
        open.UnionWith(storedOpen);
        var tracked = TrackedClients(db);
        foreach (var id in plan.Clients)
        {
            if (!tracked.TryGetValue(id, out var entry) || entry.State == EntityState.Deleted)
            {
                continue; // a client going away (a merge's second client) has nothing to keep in step
            }

            var flag = entry.Property(c => c.HasOpenDeal);
            flag.CurrentValue = open.Contains(id);
            if (entry.State != EntityState.Added)
            {
                flag.IsModified = true;
            }
        }
    }

    private static Dictionary<long, EntityEntry<Client>> TrackedClients(ChatCrmDbContext db) =>
        db.ChangeTracker.Entries<Client>().ToDictionary(e => e.Property(c => c.Id).CurrentValue);
}

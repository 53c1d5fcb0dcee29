using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// What a user may see and change: a manager their own clients and deals, heads and admins
/// everything. Every query of CRM data starts here, so the rule lives in one place.
/// </summary>
public static class Visibility
{
    public static bool SeesEverything(this BotContext ctx) => ctx.User.SeesEverything();

    public static bool SeesEverything(this User user) => user.Role.Includes(Role.Head);

    public static IQueryable<Client> VisibleClients(this BotContext ctx) => ctx.Db.VisibleClients(ctx.User);

    public static IQueryable<Deal> VisibleDeals(this BotContext ctx) => ctx.Db.VisibleDeals(ctx.User);

    /// <summary>The same rules for code that has a user but no chat: an export built by the benchmark, a job.</summary>
    public static IQueryable<Client> VisibleClients(this ChatCrmDbContext db, User user) =>
        user.SeesEverything() ? db.Clients : db.Clients.Where(c => c.OwnerUserId == user.Id);

    public static IQueryable<Deal> VisibleDeals(this ChatCrmDbContext db, User user) =>
        user.SeesEverything() ? db.Deals : db.Deals.Where(d => d.OwnerUserId == user.Id);

    /// <summary>
    /// Touches (done, planned, cancelled) of the clients the user sees, whoever logged them: a manager gets their own
    /// clients' whole history, and nothing of a client that is now someone else's, not even what they logged on it.
    /// </summary>
    public static IQueryable<Touch> VisibleTouches(this ChatCrmDbContext db, User user) =>
        user.SeesEverything() ? db.Touches : db.Touches.Where(t => db.Clients.Any(c => c.Id == t.ClientId && c.OwnerUserId == user.Id));

    /// <summary>Payments received on the deals the user sees.</summary>
    public static IQueryable<Obligation> VisiblePayments(this ChatCrmDbContext db, User user)
    {
        var payments = db.Obligations.Where(o => o.Kind == ObligationKind.Payment);
        return user.SeesEverything() ? payments : payments.Where(o => db.Deals.Any(d => d.Id == o.DealId && d.OwnerUserId == user.Id));
    }

    /// <summary>
    /// The prospect pool: clients with no owner. Heads and admins see it with everything else; a manager only through
    /// /pool and /take, and only while a head has opened it (<c>CompanySettings.IsPoolOpenToManagersAsync</c>, which the
    /// caller checks) — never through <see cref="VisibleClients"/>, so no other command of theirs reaches a pool client.
    /// </summary>
    public static IQueryable<Client> PoolClients(this BotContext ctx) => ctx.Db.Clients.Where(c => c.OwnerUserId == null);

    public static bool CanSee(this BotContext ctx, Client client) => ctx.SeesEverything() || client.OwnerUserId == ctx.User.Id;

    public static bool CanSee(this BotContext ctx, Deal deal) => ctx.SeesEverything() || deal.OwnerUserId == ctx.User.Id;

    /// <summary>
    /// Whose each line of a list is: a head's lists hold everyone's rows, so every line names its manager (or says
    /// it has none); a manager's hold only their own, so the lines name no one and the function gives null.
    /// </summary>
    public static async Task<Func<long?, string?>> OwnerNamesAsync(this BotContext ctx, IEnumerable<long?> ownerIds, CancellationToken ct)
    {
        if (!ctx.SeesEverything())
        {
            return _ => null;
        }

        var ids = ownerIds.OfType<long>().Distinct().ToList();
        var names = await ctx.Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return id => id is { } owner && names.TryGetValue(owner, out var name) ? name : ctx.T.Unassigned;
    }
}

using ChatCrm.Bot.Features.Shared;
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
    public static bool SeesEverything(this BotContext ctx) => ctx.User.Role.Includes(Role.Head);

    public static IQueryable<Client> VisibleClients(this BotContext ctx) =>
        ctx.SeesEverything() ? ctx.Db.Clients : ctx.Db.Clients.Where(c => c.OwnerUserId == ctx.User.Id);

    public static IQueryable<Deal> VisibleDeals(this BotContext ctx) =>
        ctx.SeesEverything() ? ctx.Db.Deals : ctx.Db.Deals.Where(d => d.OwnerUserId == ctx.User.Id);

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

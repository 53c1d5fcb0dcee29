using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// What a user may see and change: a manager their own clients and deals, heads and admins
/// everything. Every query of CRM data starts here, so the rule lives in one place.
/// Staff of another department (logistics, lawyers, accounts — anyone outside sales below the head role) see only the
/// deals whose current stage their department or they themselves own (<c>/stage set … owner</c>), and the clients of
/// those deals, whoever the deals' managers are.
/// </summary>
public static class Visibility
{
    public static bool SeesEverything(this BotContext ctx) => ctx.User.SeesEverything();

    public static bool SeesEverything(this User user) => user.Role.Includes(Role.Head);

    public static IQueryable<Client> VisibleClients(this BotContext ctx) => ctx.Db.VisibleClients(ctx.User);

    public static IQueryable<Deal> VisibleDeals(this BotContext ctx) => ctx.Db.VisibleDeals(ctx.User);

    /// <summary>
    /// A person of a department other than sales, below the head role: they work on the deals at the stages their
    /// department owns, not on clients of their own. Sales people have no department id (<see cref="DepartmentFinder"/>).
    /// </summary>
    public static bool IsStaff(this User user) => !user.SeesEverything() && user.DepartmentId is not null;

    /// <summary>The same rules for code that has a user but no chat: an export built by the benchmark, a job.</summary>
    public static IQueryable<Client> VisibleClients(this ChatCrmDbContext db, User user)
    {
        if (user.SeesEverything())
        {
            return db.Clients;
        }

        if (user.IsStaff())
        {
            var deals = StaffDeals(db, user);
            return db.Clients.Where(c => deals.Any(d => d.ClientId == c.Id));
        }

        return db.Clients.Where(c => c.OwnerUserId == user.Id);
    }

    public static IQueryable<Deal> VisibleDeals(this ChatCrmDbContext db, User user) =>
        user.SeesEverything() ? db.Deals
        : user.IsStaff() ? StaffDeals(db, user)
        : db.Deals.Where(d => d.OwnerUserId == user.Id);

    /// <summary>The deals whose current stage the staff member's department, or they in person, own.</summary>
    private static IQueryable<Deal> StaffDeals(ChatCrmDbContext db, User user)
    {
        var userId = user.Id;
        var departmentId = user.DepartmentId;
        return db.Deals.Where(d => db.Stages.Any(s => s.Id == d.StageId && (s.OwnerUserId == userId || s.OwnerDepartmentId == departmentId)));
    }

    /// <summary>
    /// Touches (done, planned, cancelled) of the clients the user sees, whoever logged them: a manager gets their own
    /// clients' whole history, and nothing of a client that is now someone else's, not even what they logged on it.
    /// </summary>
    public static IQueryable<Touch> VisibleTouches(this ChatCrmDbContext db, User user)
    {
        if (user.SeesEverything())
        {
            return db.Touches;
        }

        var clients = db.VisibleClients(user);
        return db.Touches.Where(t => clients.Any(c => c.Id == t.ClientId));
    }

    /// <summary>Payments received on the deals the user sees.</summary>
    public static IQueryable<Obligation> VisiblePayments(this ChatCrmDbContext db, User user)
    {
        var payments = db.Obligations.Where(o => o.Kind == ObligationKind.Payment);
        var deals = db.VisibleDeals(user);
        return user.SeesEverything() ? payments : payments.Where(o => deals.Any(d => d.Id == o.DealId));
    }

    /// <summary>
    /// The prospect pool: clients with no owner. Heads and admins see it with everything else; a manager only through
    /// /pool and /take, and only while a head has opened it (<c>CompanySettings.IsPoolOpenToManagersAsync</c>, which the
    /// caller checks) — never through <see cref="VisibleClients"/>, so no other command of theirs reaches a pool client.
    /// </summary>
    public static IQueryable<Client> PoolClients(this BotContext ctx) => ctx.Db.Clients.Where(c => c.OwnerUserId == null);

    /// <summary>Whether the user may see a client already loaded (by id from a button, as a duplicate): the same rule as <see cref="VisibleClients(BotContext)"/>.</summary>
    public static async Task<bool> CanSeeAsync(this BotContext ctx, Client client, CancellationToken ct) =>
        ctx.SeesEverything()
        || (ctx.User.IsStaff() ? await ctx.VisibleClients().AnyAsync(c => c.Id == client.Id, ct) : client.OwnerUserId == ctx.User.Id);

    /// <summary>Whether the user may see a deal already loaded: the same rule as <see cref="VisibleDeals(BotContext)"/>.</summary>
    public static async Task<bool> CanSeeAsync(this BotContext ctx, Deal deal, CancellationToken ct) =>
        ctx.SeesEverything()
        || (ctx.User.IsStaff() ? await ctx.VisibleDeals().AnyAsync(d => d.Id == deal.Id, ct) : deal.OwnerUserId == ctx.User.Id);

    /// <summary>
    /// Whose each line of a list is: a head's lists hold everyone's rows, so every line names its manager (or says
    /// it has none), and so do a staff member's (the deals at their stages are the managers'); a manager's hold only
    /// their own, so the lines name no one and the function gives null.
    /// </summary>
    public static async Task<Func<long?, string?>> OwnerNamesAsync(this BotContext ctx, IEnumerable<long?> ownerIds, CancellationToken ct)
    {
        if (!ctx.SeesEverything() && !ctx.User.IsStaff())
        {
            return _ => null;
        }

        var ids = ownerIds.OfType<long>().Distinct().ToList();
        var names = await ctx.Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return id => id is { } owner && names.TryGetValue(owner, out var name) ? name : ctx.T.Unassigned;
    }
}

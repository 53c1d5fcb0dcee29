using System.Linq.Expressions;
using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// A client is forgotten when it has an owner and an open deal, nobody touched it for the company's
/// <c>Crm:ForgottenAfterDays</c> (or the deal's stage's own number of days), no contact is planned ahead,
/// and its owner has not snoozed it. The query filters by the loosest cut-off over the clients flagged as having an
/// open deal, so its cost grows with the clients being worked, not with all clients.
/// </summary>
public sealed class ForgottenClients
{
    private readonly DateTime _now;
    private readonly DateTime _globalCut;
    private readonly Dictionary<long, DateTime> _stageCuts;

    private ForgottenClients(DateTime nowUtc, int globalDays, Dictionary<long, int> stageDays)
    {
        _now = nowUtc;
        _globalCut = nowUtc.AddDays(-globalDays);
        _stageCuts = stageDays.ToDictionary(s => s.Key, s => nowUtc.AddDays(-s.Value));
        Loosest = _stageCuts.Values.Append(_globalCut).Max();
    }

    /// <summary>The latest cut-off of all: no forgotten client was touched after it.</summary>
    public DateTime Loosest { get; }

    public static async Task<ForgottenClients> LoadAsync(ChatCrmDbContext db, DateTime nowUtc, int globalDays, CancellationToken ct)
    {
        var stageDays = await db.Stages.Where(s => s.ForgottenAfterDays != null)
            .ToDictionaryAsync(s => s.Id, s => s.ForgottenAfterDays!.Value, ct);
        return new ForgottenClients(nowUtc, globalDays, stageDays);
    }

    /// <summary>The forgotten clients of every owner: what the digest counts per manager.</summary>
    public IQueryable<Client> Query(ChatCrmDbContext db) => Among(db, db.Clients.Where(c => c.HasOpenDeal && c.OwnerUserId != null));

    /// <summary>One owner's forgotten clients among those with an open deal of their own (the morning's list).</summary>
    public IQueryable<Client> Of(ChatCrmDbContext db, long ownerUserId) =>
        Among(db, db.Clients.Where(c => c.HasOpenDeal && c.OwnerUserId == ownerUserId))
            .Where(c => db.Deals.Any(d => d.ClientId == c.Id && d.Status == DealStatus.Open && d.OwnerUserId == ownerUserId));

    public static int DaysSince(Client client, DateTime nowUtc) => (int)(nowUtc - (client.LastTouchAt ?? client.CreatedAt)).TotalDays;

    /// <summary>
    /// Starts from the clients with an open deal (<see cref="Client.HasOpenDeal"/>, kept in step by the store), a range
    /// of the index (HasOpenDeal, OwnerUserId, LastTouchAt, CreatedAt, NextContactAt) that answers the touch and plan
    /// cut-offs itself: most clients of a big base are dormant and never read, and no deal is looked up unless some
    /// stage has its own number of days.
    /// </summary>
    private IQueryable<Client> Among(ChatCrmDbContext db, IQueryable<Client> withOpenDeal)
    {
        var (now, loosest) = (_now, Loosest);
        var candidates = withOpenDeal
            .Where(c => (c.LastTouchAt < loosest || (c.LastTouchAt == null && c.CreatedAt < loosest))
                && (c.NextContactAt == null || c.NextContactAt < now)
                && !db.ClientNudges.Any(n => n.ClientId == c.Id && n.SnoozedUntil > now));

        // With no stage of its own days the loosest cut-off is the company's, which the client's last touch has just
        // passed, and an open deal the client has: every candidate has a forgotten deal.
        return _stageCuts.Count == 0 ? candidates : candidates.Where(HasForgottenDeal(db));
    }

    /// <summary>
    /// c => db.Deals.Any(d => d.ClientId == c.Id &amp;&amp; d.Status == Open &amp;&amp; (c.LastTouchAt ?? c.CreatedAt) &lt; cut(d.StageId)),
    /// where cut(stage) is a CASE over the few stages with their own days: one SQL query on SQLite and PostgreSQL alike.
    /// </summary>
    private Expression<Func<Client, bool>> HasForgottenDeal(ChatCrmDbContext db)
    {
        var c = Expression.Parameter(typeof(Client), "c");
        var d = Expression.Parameter(typeof(Deal), "d");
        var touch = Expression.Coalesce(Expression.Property(c, nameof(Client.LastTouchAt)), Expression.Property(c, nameof(Client.CreatedAt)));
        var stageId = Expression.Property(d, nameof(Deal.StageId));
        Expression cut = Value(_globalCut);
        foreach (var (stage, stageCut) in _stageCuts)
        {
            cut = Expression.Condition(Expression.Equal(stageId, Value(stage)), Value(stageCut), cut);
        }

        var body = Expression.AndAlso(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(d, nameof(Deal.ClientId)), Expression.Property(c, nameof(Client.Id))),
                Expression.Equal(Expression.Property(d, nameof(Deal.Status)), Expression.Constant(DealStatus.Open))),
            Expression.LessThan(touch, cut));
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Deal)],
            ((IQueryable<Deal>)db.Deals).Expression, Expression.Quote(Expression.Lambda<Func<Deal, bool>>(body, d)));
        return Expression.Lambda<Func<Client, bool>>(any, c);
    }

    // Captured like a closure variable, so EF sends it as a parameter rather than an inlined literal.
    private static Expression Value<T>(T value) => ((Expression<Func<T>>)(() => value)).Body;
}

using System.Globalization;
using System.Linq.Expressions;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// What the managers, activity, obligations and products reports share: the request's narrowing applied to deals
/// and touches, the managers a report lists, and time buckets computed in SQL as a <c>CASE</c> over UTC bounds
/// (local midnights in the asker's zone), so days, weeks and months group on SQLite and PostgreSQL alike without
/// date functions that differ between them.
/// </summary>
internal static class ReportScope
{
    /// <summary>
    /// Touches done in [from, to) narrowed by the request: who did them, the client's segment, and for a cycle the
    /// touches logged against a deal of that cycle (a touch without a deal belongs to no cycle).
    /// </summary>
    public static IQueryable<Touch> DoneTouches(ChatCrmDbContext db, ReportRequest r, DateTime from, DateTime to)
    {
        var touches = db.Touches.AsNoTracking().Where(t => t.Status == TouchStatus.Done && t.HappenedAt >= from && t.HappenedAt < to);
        if (r.ManagerId is { } manager)
        {
            touches = touches.Where(t => t.UserId == manager);
        }

        if (r.CycleId is { } cycle)
        {
            touches = touches.Where(t => db.Deals.Any(d => d.Id == t.DealId && d.CycleId == cycle));
        }

        if (r.SegmentId is { } segment)
        {
            touches = touches.Where(t => db.Clients.Any(c => c.Id == t.ClientId && c.SegmentId == segment));
        }

        return touches;
    }

    /// <summary>
    /// The people a report lists, by name: the asked manager alone, else the active managers plus anyone else who
    /// appears in <paramref name="alsoIds"/> (a head who owns deals, a manager since deactivated).
    /// </summary>
    public static async Task<IReadOnlyList<(long Id, string Name)>> PeopleAsync(ChatCrmDbContext db, ReportRequest r,
        IReadOnlyCollection<long> alsoIds, CancellationToken ct)
    {
        var ids = alsoIds.ToList();
        var people = r.ManagerId is { } manager
            ? await db.Users.AsNoTracking().Where(u => u.Id == manager).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)
            : await db.Users.AsNoTracking().Where(u => (u.IsActive && u.Role == Role.Manager && u.DepartmentId == null) || ids.Contains(u.Id))
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return people.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Id)
            .Select(p => (p.Id, p.DisplayName)).ToList();
    }

    /// <summary>
    /// What follows the period in /report and /export: nothing, a manager, #segment or «cycle name»; null when it
    /// names nothing known.
    /// </summary>
    /// <summary>
    /// Whose figures a report may show <paramref name="user"/>, wherever it is asked for (the chat, the board): a
    /// manager's are always their own, and asking for another manager's is refused (false); heads and admins get the
    /// manager they named, or everyone (null).
    /// </summary>
    public static bool ManagerFor(User user, long? asked, out long? managerId)
    {
        if (user.Role.Includes(Role.Head))
        {
            managerId = asked;
            return true;
        }

        managerId = user.Id;
        return asked is null || asked == user.Id;
    }

    public static async Task<ReportFilter?> FilterFromTextAsync(BotContext ctx, string text, CancellationToken ct)
    {
        var q = text.Trim();
        if (q.Length == 0)
        {
            return new ReportFilter(null, null, null);
        }

        var words = ProcessArgs.Words(q);
        if (ProcessArgs.Cycle.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            var name = string.Join(' ', words[1..]);
            var cycles = await ctx.Db.Cycles.ToListAsync(ct);
            var cycle = cycles.FirstOrDefault(c => ProcessArgs.Same(c.Name, name))
                ?? (cycles.Where(c => c.Name.StartsWith(name, StringComparison.CurrentCultureIgnoreCase)).ToList() is [var one] && name.Length > 0 ? one : null);
            return cycle is null ? null : new ReportFilter(null, null, cycle.Id);
        }

        if (q.StartsWith('#') && ProcessArgs.Id(q, 'u') is null)
        {
            var name = q[1..].Trim();
            var segments = await ctx.Db.Segments.ToListAsync(ct);
            var segment = (ProcessArgs.Id(q, 's') is { } sid ? segments.FirstOrDefault(x => x.Id == sid) : null)
                ?? segments.FirstOrDefault(x => ProcessArgs.Same(x.Name, name))
                ?? (segments.Where(x => x.Name.StartsWith(name, StringComparison.CurrentCultureIgnoreCase)).ToList() is [var one] && name.Length > 0 ? one : null);
            return segment is null ? null : new ReportFilter(null, segment.Id, null);
        }

        var users = await ctx.Db.Users.OrderBy(u => u.DisplayName).ToListAsync(ct);
        return Colleagues.Find(users, q) is { } user ? new ReportFilter(user.Id, null, null) : null;
    }

    /// <summary>The UTC instant of local midnight starting <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTime Midnight(DateOnly day, TimeZoneInfo zone) => TimeZones.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>
    /// The number of <paramref name="bounds"/> (ascending) at or before the instant: a <c>CASE WHEN at &lt; b0 THEN 0
    /// WHEN at &lt; b1 THEN 1 … ELSE n END</c> in SQL. With the starts of all buckets but the first as bounds, a row of
    /// the period falls in bucket 0..n.
    /// </summary>
    public static Expression<Func<T, int>> Bucket<T>(Expression<Func<T, DateTime?>> at, IReadOnlyList<DateTime> bounds)
    {
        Expression body = Expression.Constant(bounds.Count);
        for (var i = bounds.Count - 1; i >= 0; i--)
        {
            var bound = Expression.Constant((DateTime?)bounds[i], typeof(DateTime?));
            body = Expression.Condition(Expression.LessThan(at.Body, bound), Expression.Constant(i), body);
        }

        return Expression.Lambda<Func<T, int>>(body, at.Parameters);
    }

    /// <summary>A projection that sees a row and its bucket: <c>shape(row, bucket(row))</c> as one expression for EF.</summary>
    public static Expression<Func<T, TResult>> With<T, TResult>(Expression<Func<T, int>> bucket, Expression<Func<T, int, TResult>> shape)
    {
        var row = shape.Parameters[0];
        var bucketBody = new Rebind(bucket.Parameters[0], row).Visit(bucket.Body);
        var body = new Rebind(shape.Parameters[1], bucketBody).Visit(shape.Body);
        return Expression.Lambda<Func<T, TResult>>(body, row);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>At most one narrowing of a report or an export, as typed or as a button carries it (`u7`, `s3`, `c2`).</summary>
internal readonly record struct ReportFilter(long? ManagerId, long? SegmentId, long? CycleId)
{
    public string? Code => ManagerId is { } u ? Ref('u', u) : SegmentId is { } s ? Ref('s', s) : CycleId is { } c ? Ref('c', c) : null;

    public static ReportFilter? Decode(string code) =>
        code.Length > 1 && long.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? code[0] switch
            {
                'u' => new ReportFilter(id, null, null),
                's' => new ReportFilter(null, id, null),
                'c' => new ReportFilter(null, null, id),
                _ => null,
            }
            : null;

    private static string Ref(char kind, long id) => kind + id.ToString(CultureInfo.InvariantCulture);
}

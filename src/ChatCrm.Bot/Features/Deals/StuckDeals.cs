using System.Linq.Expressions;
using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// Open deals that have spent more than their stage's <see cref="Stage.DaysAllowed"/> in it — the same rule as
/// <see cref="Deal.IsStuck"/>, as one SQL predicate (an OR over the stages that have a limit).
/// </summary>
public static class StuckDeals
{
    public static async Task<Expression<Func<Deal, bool>>> PredicateAsync(ChatCrmDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var limits = await db.Stages.Where(s => s.DaysAllowed != null).Select(s => new { s.Id, Days = s.DaysAllowed!.Value }).ToListAsync(ct);
        var d = Expression.Parameter(typeof(Deal), "d");
        Expression body = Expression.Constant(false);
        foreach (var limit in limits)
        {
            // Stuck when whole days in the stage exceed the limit: entered at least (limit + 1) days ago.
            var cut = nowUtc.AddDays(-(limit.Days + 1));
            var inStage = Expression.Equal(Expression.Property(d, nameof(Deal.StageId)), Value(limit.Id));
            var tooLong = Expression.LessThanOrEqual(Expression.Property(d, nameof(Deal.StageEnteredAt)), Value(cut));
            body = Expression.OrElse(body, Expression.AndAlso(inStage, tooLong));
        }

        body = Expression.AndAlso(Expression.Equal(Expression.Property(d, nameof(Deal.Status)), Expression.Constant(DealStatus.Open)), body);
        return Expression.Lambda<Func<Deal, bool>>(body, d);
    }

    private static Expression Value<T>(T value) => ((Expression<Func<T>>)(() => value)).Body;
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Scenarios;

/// <summary>
/// «📋 Далее по регламенту: Демо в течение 3 дней — запланировать?» under a move or a logged touch: the deal's next
/// undone scenario step as a one-tap plan. The button is <see cref="NextStep.OnDay"/>'s, so the plan lands through the
/// same code as any planned contact. Nothing is offered when a contact of that work type is already planned.
/// </summary>
internal static class ScenarioOffer
{
    /// <summary>After <paramref name="deal"/> moved: the first step of its new stage.</summary>
    public static async Task<Reply> AfterMoveAsync(BotContext ctx, Deal deal, Reply reply, CancellationToken ct) =>
        await WithOfferAsync(ctx, deal.ClientId, [deal], reply, ct);

    /// <summary>After a touch with the client: the next step of the client's first open deal that has one.</summary>
    public static async Task<Reply> AfterTouchAsync(BotContext ctx, long clientId, Reply reply, CancellationToken ct)
    {
        var deals = await ctx.VisibleDeals().Where(d => d.ClientId == clientId && d.Status == DealStatus.Open)
            .OrderBy(d => d.OpenedAt).ThenBy(d => d.Id).Take(20).ToListAsync(ct);
        return deals.Count == 0 ? reply : await WithOfferAsync(ctx, clientId, deals, reply, ct);
    }

    private static async Task<Reply> WithOfferAsync(BotContext ctx, long clientId, IReadOnlyList<Deal> deals, Reply reply, CancellationToken ct)
    {
        var progress = await ScenarioBook.ProgressAsync(ctx.Db, deals, ct);
        if (progress.Count == 0)
        {
            return reply;
        }

        var planned = await ctx.Db.Touches.Where(t => t.ClientId == clientId && t.Status == TouchStatus.Planned).Select(t => t.WorkTypeId).ToListAsync(ct);
        foreach (var deal in deals)
        {
            if (progress.GetValueOrDefault(deal.Id)?.Next is not { } next || planned.Contains(next.WorkTypeId))
            {
                continue;
            }

            var name = await ctx.Db.WorkTypes.Where(w => w.Id == next.WorkTypeId).Select(w => w.Name).FirstAsync(ct);
            var when = PlanDay(ctx, deal, next);
            var button = Button.Callback(ctx.T.ScenarioPlanButton(ctx.InWords(when.Utc, withTime: false)), NextStep.OnDay(clientId, next.WorkTypeId, when));
            return new Reply(reply.Html + "\n\n" + ctx.T.ScenarioNextOffer(ctx.Shown(name), next.WithinDays), [[button], .. reply.Buttons]);
        }

        return reply;
    }

    /// <summary>Tomorrow, or today when the step is due today or already late: soon enough to keep within its days.</summary>
    private static WhenPhrase PlanDay(BotContext ctx, Deal deal, ScenarioStep step)
    {
        var today = LocalCalendar.Today(ctx.Now, ctx.Zone);
        var due = ScenarioProgress.DueDay(step, LocalCalendar.Today(deal.StageEnteredAt, ctx.Zone));
        var day = due is { } d && d <= today ? today : today.AddDays(1);
        var utc = LocalCalendar.At(day, TouchTimes.DefaultTime, ctx.Zone);
        return new WhenPhrase(day.ToDateTime(TouchTimes.DefaultTime), utc, HasTime: false, Length: 0);
    }
}

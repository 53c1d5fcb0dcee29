using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// Brings a won or lost deal back: the button under a closed deal (<c>dreo:&lt;deal&gt;</c>, into the stage it was
/// closed in, or the cycle's first live one if that stage is gone) or the offer made when a closed deal is moved
/// (<c>dreo:&lt;deal&gt;:&lt;stage&gt;</c>). Reopening is always an explicit tap, never a side effect of /move.
/// </summary>
internal sealed class ReopenDeal : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await DealViews.FromButtonAsync(ctx, args, ct) is not { } deal)
        {
            return;
        }

        var live = await DealViews.LiveStagesAsync(ctx, deal.CycleId, ct);
        var stage = DealViews.IdAt(args, 1) is { } stageId
            ? await ctx.Db.Stages.FirstOrDefaultAsync(s => s.Id == stageId, ct)
            : live.FirstOrDefault(s => s.Id == deal.StageId) ?? StageOrder.First(live);
        if (stage is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var before = deal.Snapshot();
        var change = deal.Reopen(stage, ctx.Now, ctx.User.Id);
        await DealChangeUndo.SaveAndRecordAsync(ctx, deal, before, change, ctx.T.UndoDealReopened(deal.Id), ct);
        ctx.Audit.Record(AuditActions.DealReopen, $"deal #{deal.Id}", before.Status.ToString(), stage.Name);
        ctx.Show(new Reply(ctx.T.DealReopened(deal.Id, deal.Title, BuiltInNames.Show(stage.Name, ctx.T.Language)), DealViews.ForOpen(ctx, deal, live)));
        await StageArrivals.FollowAsync(ctx, deal, ct);
    }

    /// <summary>A closed deal was asked to move: say so, and offer to reopen it in that stage (or pick one).</summary>
    public static Task OfferAsync(BotContext ctx, Deal deal, Stage? stage, IReadOnlyList<Stage> live, CancellationToken ct)
    {
        var won = deal.Status == DealStatus.Won;
        var target = stage is not null && live.Any(s => s.Id == stage.Id) ? stage : null;
        var stages = target is null ? live : [target];
        ctx.Reply(new Reply(ctx.T.DealClosedReopenOffer(deal.Id, deal.Title, won, target?.Name),
            DealViews.StageRows(stages, s => $"{DealViews.Reopen}:{deal.Id}:{s.Id}", ctx.T.Language)));
        return Task.CompletedTask;
    }
}

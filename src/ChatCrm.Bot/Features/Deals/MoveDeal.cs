using ChatCrm.Bot.Features.Scenarios;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// /move &lt;deal&gt; [stage] and the stage buttons (<c>mv:&lt;deal&gt;:&lt;stage&gt;</c>). Without a stage, or with one
/// the cycle does not have, the live stages are offered as buttons (a typed answer works too). A closed deal is
/// not moved: the reply offers to reopen it instead, so nothing changes without a second, explicit tap.
/// </summary>
internal sealed class MoveDeal : ICommandHandler, ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (await DealFinder.RequireAsync(ctx, "move", args, t => t.DealAskNumber("move"), ct) is not { Deal: var deal } found)
        {
            return;
        }

        var live = await DealViews.LiveStagesAsync(ctx, deal.CycleId, ct);
        var stage = found.Rest.Length == 0 ? null : DealViews.Resolve(found.Rest, live) ?? await ElsewhereAsync(ctx, deal, found.Rest, ct);
        if (!deal.IsOpen)
        {
            await ReopenDeal.OfferAsync(ctx, deal, stage, live, ct);
            return;
        }

        var title = deal.Title;
        if (stage is null)
        {
            var current = await DealViews.StageAsync(ctx, deal, ct);
            var question = found.Rest.Length == 0
                ? ctx.T.PickStage(deal.Id, title, BuiltInNames.Show(current.Name, ctx.T.Language))
                : ctx.T.StageUnknown(found.Rest, await ctx.Db.Cycles.Where(c => c.Id == deal.CycleId).Select(c => c.Name).FirstAsync(ct));
            ctx.Ask("move", deal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new Reply(question, DealViews.ForOpen(ctx, deal, live)));
            return;
        }

        await MoveAsync(ctx, deal, stage, live, show: false, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var deal = await DealViews.FromButtonAsync(ctx, args, ct);
        var stage = DealViews.IdAt(args, 1) is { } stageId ? await ctx.Db.Stages.FirstOrDefaultAsync(s => s.Id == stageId, ct) : null;
        if (deal is null)
        {
            return;
        }

        if (stage is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var live = await DealViews.LiveStagesAsync(ctx, deal.CycleId, ct);
        if (!deal.IsOpen)
        {
            await ReopenDeal.OfferAsync(ctx, deal, stage, live, ct);
            return;
        }

        await MoveAsync(ctx, deal, stage, live, show: true, ct);
    }

    /// <summary>
    /// The entity refuses a stage of another cycle, a retired stage and the stage it is in. A forward move with required
    /// scenario steps undone asks first (<see cref="ScenarioSkipGate"/>) unless <paramref name="confirmed"/>.
    /// </summary>
    internal static async Task MoveAsync(BotContext ctx, Deal deal, Stage stage, IReadOnlyList<Stage> live, bool show, CancellationToken ct,
        bool confirmed = false)
    {
        var from = await DealViews.StageAsync(ctx, deal, ct);
        if (!confirmed && await ScenarioSkipGate.AskFirstAsync(ctx, deal, from, stage, show, ct))
        {
            return;
        }

        await ApplyAsync(ctx, deal, from, stage, ct);

        var reply = new Reply(ctx.T.DealMoved(deal.Id, deal.Title, BuiltInNames.Show(from.Name, ctx.T.Language), BuiltInNames.Show(stage.Name, ctx.T.Language)), DealViews.ForOpen(ctx, deal, live));
        reply = await ScenarioOffer.AfterMoveAsync(ctx, deal, reply, ct);
        ctx.Answer(reply, edit: show);
        await OwnerNotice.TellAsync(ctx, deal, (t, who) => t.DealMovedByOther(who, deal.Id, deal.Title, BuiltInNames.Show(from.Name, t.Language),
            BuiltInNames.Show(stage.Name, t.Language)), ct);
        await StageArrivals.FollowAsync(ctx, deal, ct);
    }

    /// <summary>
    /// The move itself, whoever makes it (/move, a task's «готово»): the history row, the mover's undo and the audit.
    /// Replies and what follows the arrival are the caller's.
    /// </summary>
    internal static async Task ApplyAsync(BotContext ctx, Deal deal, Stage from, Stage to, CancellationToken ct)
    {
        var before = deal.Snapshot();
        var change = deal.MoveTo(to, ctx.Now, ctx.User.Id);
        await DealChangeUndo.SaveAndRecordAsync(ctx, deal, before, change, ctx.T.UndoDealMoved(deal.Id), ct);
        ctx.Audit.Record(AuditActions.DealMove, $"deal #{deal.Id}", from.Name, to.Name);
    }

    /// <summary>
    /// A name that is no live stage of the deal's cycle may still be a stage somewhere (retired, another cycle):
    /// found, so the rule can say exactly why it is refused instead of "unknown".
    /// </summary>
    private static async Task<Stage?> ElsewhereAsync(BotContext ctx, Deal deal, string name, CancellationToken ct)
    {
        var others = await ctx.Db.Stages.Where(s => s.CycleId != deal.CycleId || s.IsRetired).ToListAsync(ct);
        var trimmed = name.Trim();
        return others.OrderBy(s => s.CycleId == deal.CycleId ? 0 : 1)
            .FirstOrDefault(s => BuiltInNames.Matches(s.Name, trimmed));
    }
}

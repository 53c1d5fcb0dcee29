using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Deals;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Scenarios;

/// <summary>
/// Moving a deal forward with required scenario steps undone asks first («Всё равно перевести» / «Отмена»,
/// <c>sck:&lt;deal&gt;:&lt;stage&gt;</c> / <c>sck:&lt;deal&gt;:x</c>); only the confirmation moves it, and records a
/// <see cref="ScenarioSkip"/> the weekly digest shows. Moving back never asks: nothing is skipped.
/// </summary>
internal sealed class ScenarioSkipGate : ICallbackHandler
{
    public const string Prefix = "sck";
    private const string Cancel = "x";

    /// <summary>True when it asked instead of moving (the caller stops); false when the move may go ahead.</summary>
    public static async Task<bool> AskFirstAsync(BotContext ctx, Deal deal, Stage from, Stage to, bool show, CancellationToken ct)
    {
        if (to.CycleId != from.CycleId || to.IsRetired || to.Position <= from.Position)
        {
            return false;
        }

        var undone = await UndoneRequiredAsync(ctx.Db, deal, ct);
        if (undone.Count == 0)
        {
            return false;
        }

        var id = deal.Id.ToString(CultureInfo.InvariantCulture);
        ctx.Answer(new Reply(ctx.T.ScenarioSkipAsk(deal.Id, deal.Title, ctx.Shown(from.Name), ctx.Shown(to.Name), [.. undone.Select(ctx.Shown)]),
            [[Button.Callback(ctx.T.ScenarioSkipConfirmButton, $"{Prefix}:{id}:{to.Id.ToString(CultureInfo.InvariantCulture)}"),
              Button.Callback(ctx.T.ScenarioSkipCancelButton, $"{Prefix}:{id}:{Cancel}")]]), edit: show);
        return true;
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var deal = await DealViews.FromButtonAsync(ctx, args, ct);
        if (deal is null)
        {
            return;
        }

        var from = await DealViews.StageAsync(ctx, deal, ct);
        if (args.Count > 1 && args[1] == Cancel)
        {
            ctx.Show(ctx.T.ScenarioSkipCancelled(deal.Id, ctx.Shown(from.Name)));
            return;
        }

        var stage = DealViews.IdAt(args, 1) is { } stageId ? await ctx.Db.Stages.FirstOrDefaultAsync(s => s.Id == stageId, ct) : null;
        if (stage is null || !deal.IsOpen || stage.Id == deal.StageId)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var undone = await UndoneRequiredAsync(ctx.Db, deal, ct);
        var forward = stage.CycleId == from.CycleId && stage.Position > from.Position;
        if (undone.Count > 0 && forward)
        {
            ctx.Db.ScenarioSkips.Add(ScenarioSkip.Record(deal.Id, from, undone, ctx.User.Id, ctx.Now));
            ctx.Audit.Record(AuditActions.ScenarioSkipped, $"deal #{deal.Id}", from.Name, string.Join(", ", undone));
        }

        var live = await DealViews.LiveStagesAsync(ctx, deal.CycleId, ct);
        await MoveDeal.MoveAsync(ctx, deal, stage, live, show: true, ct, confirmed: true);
        if (undone.Count > 0 && forward)
        {
            ctx.Reply(ctx.T.ScenarioSkipRecorded([.. undone.Select(ctx.Shown)]));
        }
    }

    /// <summary>The names of the required steps of the deal's current stage not done yet, in order.</summary>
    private static async Task<IReadOnlyList<string>> UndoneRequiredAsync(ChatCrmDbContext db, Deal deal, CancellationToken ct)
    {
        if (await ScenarioBook.ProgressAsync(db, deal, ct) is not { } progress || progress.UndoneRequired.Count == 0)
        {
            return [];
        }

        var names = await ScenarioBook.WorkTypeNamesAsync(db, progress.UndoneRequired, ct);
        return [.. progress.UndoneRequired.Select(s => names.GetValueOrDefault(s.WorkTypeId, "?"))];
    }
}

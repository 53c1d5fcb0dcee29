using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>
/// ✅ under a planned contact — in a reminder, the morning plan, /today or /week: the contact happened now.
/// A running nudge streak ends, /undo plans it again, and an open deal without a next contact asks for one.
/// </summary>
internal sealed class MarkContactDone : IScheduleButton
{
    public string Verb => "done";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var fromPlan = args.Count > 1 && args[1] == ScheduleCallbacks.FromPlan;
        if (await ButtonSupport.PlannedContactAsync(ctx, ButtonSupport.Id(args, 0), fromPlan, ct) is not var (touch, client))
        {
            return;
        }

        var workType = await ctx.Db.WorkTypes.FirstAsync(w => w.Id == touch.WorkTypeId, ct);
        touch.Complete(client, ctx.Now);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.RecordUndo(ContactDoneUndo.Kind, touch.Id.ToString(CultureInfo.InvariantCulture), ctx.T.TouchUndoDescription(workType.Name, client.Name));
        ctx.Audit("contact.done", client.Name, after: workType.Code);
        var fact = ctx.T.TouchLogged(workType.Name, client.Name, null, null);
        ButtonSupport.Answer(ctx, fromPlan, await TouchLogging.NextStepAsync(ctx, client, workType, fact, always: false, ct));
    }
}

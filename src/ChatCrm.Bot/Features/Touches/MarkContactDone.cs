using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// ✅ under a planned contact — in a reminder, the morning plan, /today or /week: the contact happened now.
/// A running nudge streak ends, /undo plans it again, and an open deal without a next contact asks for one.
/// </summary>
internal sealed class MarkContactDone : ICallbackHandler
{
    public const string Prefix = "sch:done";

    /// <summary><c>sch:done:&lt;touch&gt;[:p]</c>.</summary>
    public static string Data(long touchId, bool fromPlan = false) => $"{Prefix}:{touchId}{ContactButtons.PlanMark(fromPlan)}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var fromPlan = args.Count > 1 && args[1] == ContactButtons.FromPlan;
        if (await ContactButtons.PlannedContactAsync(ctx, ButtonSupport.Id(args, 0), fromPlan, ct) is not var (touch, client))
        {
            return;
        }

        var workType = await ctx.Db.WorkTypes.FirstAsync(w => w.Id == touch.WorkTypeId, ct);
        touch.Complete(client, ctx.Now);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.Undo.Record(ContactDoneUndo.Kind, touch.Id.ToString(CultureInfo.InvariantCulture), ctx.T.TouchUndoDescription(ctx.Shown(workType.Name), client.Name));
        ctx.Audit.Record(AuditActions.ContactDone, client.Name, after: workType.Code);
        var fact = ctx.T.TouchLogged(ctx.Shown(workType.Name), client.Name, null, null);
        ContactButtons.Answer(ctx, fromPlan, await TouchLogging.NextStepAsync(ctx, client, workType, fact, always: false, ct));
    }
}

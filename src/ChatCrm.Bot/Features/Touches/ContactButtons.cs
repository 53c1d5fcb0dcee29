using System.Globalization;
using System.Text.Json;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// What ✅ ⏰ 📅 under a planned contact share (<see cref="MarkContactDone"/>, <see cref="PostponeContact"/>,
/// <see cref="RescheduleContact"/>): finding the contact, moving it, and answering in the right place.
/// </summary>
internal static class ContactButtons
{
    /// <summary>Marks a button under a list (a plan, /today): the list stays and the answer comes as a new message.</summary>
    public const string FromPlan = "p";

    public static string PlanMark(bool fromPlan) => fromPlan ? $":{FromPlan}" : "";

    /// <summary>
    /// A contact still planned, of a client this user may see, and theirs to act on (a head may act on anyone's).
    /// Otherwise the tap is answered — as stale, or as already handled — and null comes back.
    /// </summary>
    public static async Task<(Touch Touch, Client Client)?> PlannedContactAsync(BotContext ctx, long? id, bool fromPlan, CancellationToken ct)
    {
        var touch = id is { } i ? await ctx.Db.Touches.FindAsync([i], ct) : null;
        var client = touch is null || (touch.UserId != ctx.User.Id && !ctx.SeesEverything())
            ? null
            : await ButtonSupport.ClientAsync(ctx, touch.ClientId, ct);
        if (touch is null || client is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return null;
        }

        if (touch.Status != TouchStatus.Planned)
        {
            Answer(ctx, fromPlan, ctx.T.AlreadyHandled());
            return null;
        }

        return (touch, client);
    }

    /// <summary>
    /// Moves a planned contact (⏰, 📅), keeps the client's next contact right, lets /undo move it back, and
    /// answers with the same echo as /plan.
    /// </summary>
    public static async Task MoveAndSaveAsync(BotContext ctx, Touch touch, Client client, DateTime toUtc, bool fromPlan, CancellationToken ct)
    {
        var from = touch.PlannedFor!.Value;
        touch.Reschedule(toUtc);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        var workType = await ctx.Db.WorkTypes.FirstAsync(w => w.Id == touch.WorkTypeId, ct);
        ctx.Undo.Record(ContactMovedUndo.Kind, JsonSerializer.Serialize(new ContactMovedUndo.Moved(touch.Id, from)),
            ctx.T.MoveUndoDescription(ctx.Shown(workType.Name), client.Name));
        ctx.Audit.Record(AuditActions.ContactMoved, client.Name, before: Stamp(from), after: Stamp(toUtc));
        Answer(ctx, fromPlan, PlanContact.Planned(ctx, client, workType, touch));
    }

    /// <summary>The tapped message is redrawn for single-topic messages; a plan keeps its list and gets a short reply.</summary>
    public static void Answer(BotContext ctx, bool fromPlan, Reply reply)
    {
        if (fromPlan)
        {
            ctx.Reply(reply);
            ctx.CallbackToast = "✓";
        }
        else
        {
            ctx.Show(reply);
        }
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

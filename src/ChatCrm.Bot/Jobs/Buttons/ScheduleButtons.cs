using System.Globalization;
using System.Text.Json;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>One action behind the scheduler's buttons (`sch:&lt;verb&gt;:…`): done, later, move, call, plan, snooze, lost, hand.</summary>
public interface IScheduleButton
{
    string Verb { get; }

    Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct);
}

/// <summary>Routes `sch:` taps to the action named by the verb.</summary>
internal sealed class ScheduleButtons(IEnumerable<IScheduleButton> actions) : ICallbackHandler
{
    private readonly Dictionary<string, IScheduleButton> _byVerb = actions.ToDictionary(a => a.Verb);

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count >= 2 && _byVerb.TryGetValue(args[0], out var action))
        {
            return action.HandleAsync(ctx, args.Skip(1).ToList(), ct);
        }

        ctx.CallbackToast = ctx.T.StaleButton();
        return Task.CompletedTask;
    }
}

/// <summary>What the button actions share: finding what a button points at, and keeping the client's derived fields right.</summary>
internal static class ButtonSupport
{
    public static long? Id(IReadOnlyList<string> args, int index) =>
        args.Count > index && long.TryParse(args[index], CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The client, when it exists and this user may see it; otherwise the tap is answered as stale.</summary>
    public static async Task<Client?> ClientAsync(BotContext ctx, long? id, CancellationToken ct)
    {
        var client = id is { } i ? await ctx.Db.Clients.FindAsync([i], ct) : null;
        if (client is null || !ctx.CanSee(client))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return null;
        }

        return client;
    }

    /// <summary>
    /// A contact still planned, of a client this user may see, and theirs to act on (a head may act on anyone's).
    /// Otherwise the tap is answered — as stale, or as already handled — and null comes back.
    /// </summary>
    public static async Task<(Touch Touch, Client Client)?> PlannedContactAsync(BotContext ctx, long? id, bool fromPlan, CancellationToken ct)
    {
        var touch = id is { } i ? await ctx.Db.Touches.FindAsync([i], ct) : null;
        var client = touch is null || (touch.UserId != ctx.User.Id && !ctx.SeesEverything())
            ? null
            : await ClientAsync(ctx, touch.ClientId, ct);
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
    public static async Task MoveAsync(BotContext ctx, Touch touch, Client client, DateTime toUtc, bool fromPlan, CancellationToken ct)
    {
        var from = touch.PlannedFor!.Value;
        touch.Reschedule(toUtc);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        var workType = await ctx.Db.WorkTypes.FirstAsync(w => w.Id == touch.WorkTypeId, ct);
        ctx.RecordUndo(ContactMovedUndo.Kind, JsonSerializer.Serialize(new ContactMovedUndo.Moved(touch.Id, from)),
            ctx.T.MoveUndoDescription(workType.Name, client.Name));
        ctx.Audit("contact.moved", client.Name, before: Stamp(from), after: Stamp(toUtc));
        Answer(ctx, fromPlan, PlanContact.Planned(ctx, client, workType, touch));
    }

    /// <summary>The owner acted on the client: a running nudge streak ends (no escalation for it).</summary>
    public static async Task EndStreakAsync(BotContext ctx, long clientId, CancellationToken ct)
    {
        var streak = await ctx.Db.ClientNudges.FirstOrDefaultAsync(n => n.ClientId == clientId, ct);
        streak?.Answered();
    }

    /// <summary>The "call" work type (or the first live one, if an admin retired calls).</summary>
    public static async Task<WorkType> CallTypeAsync(BotContext ctx, CancellationToken ct) =>
        await ctx.Db.WorkTypes.Where(w => w.Code == "call" && !w.IsRetired).FirstOrDefaultAsync(ct)
        ?? await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).FirstAsync(ct);

    /// <summary>A local day <paramref name="days"/> from today at a local time, as UTC.</summary>
    public static DateTime InDays(BotContext ctx, int days, TimeOnly at) =>
        TimeZones.ToUtc(DateOnly.FromDateTime(ctx.LocalNow).AddDays(days).ToDateTime(at), ctx.Zone);

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

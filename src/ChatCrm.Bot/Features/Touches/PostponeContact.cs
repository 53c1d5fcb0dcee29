using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// ⏰ under a planned contact: in an hour (a reminder, `h`), or a day on at the same time (a plan item, `d`) —
/// tomorrow at that time when a day on is still in the past, so a long-overdue contact comes back tomorrow.
/// </summary>
internal sealed class PostponeContact : ICallbackHandler
{
    public const string Prefix = "sch:later";
    public const string ByAnHour = "h";
    public const string ByADay = "d";

    /// <summary><c>sch:later:&lt;touch&gt;:&lt;h|d&gt;[:p]</c>.</summary>
    public static string Data(long touchId, string when, bool fromPlan = false) => $"{Prefix}:{touchId}:{when}{ContactButtons.PlanMark(fromPlan)}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var fromPlan = args.Count > 2 && args[2] == ContactButtons.FromPlan;
        if (args.Count < 2 || args[1] is not (ByAnHour or ByADay))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (await ContactButtons.PlannedContactAsync(ctx, ButtonSupport.Id(args, 0), fromPlan, ct) is not var (touch, client))
        {
            return;
        }

        var at = args[1] == ByAnHour ? ctx.Now.AddHours(1) : ADayOn(ctx, touch.PlannedFor!.Value);
        await ContactButtons.MoveAndSaveAsync(ctx, touch, client, at, fromPlan, ct);
    }

    private static DateTime ADayOn(BotContext ctx, DateTime plannedUtc)
    {
        var planned = TimeZones.ToLocal(plannedUtc, ctx.Zone);
        var dayOn = TimeZones.ToUtc(planned.AddDays(1), ctx.Zone);
        return dayOn > ctx.Now ? dayOn : ButtonSupport.InDays(ctx, 1, TimeOnly.FromDateTime(planned));
    }
}

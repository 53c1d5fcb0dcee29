using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>
/// ⏰ under a planned contact: in an hour (a reminder, `h`), or a day on at the same time (a plan item, `d`) —
/// tomorrow at that time when a day on is still in the past, so a long-overdue contact comes back tomorrow.
/// </summary>
internal sealed class PostponeContact : IScheduleButton
{
    public string Verb => "later";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var fromPlan = args.Count > 2 && args[2] == ScheduleCallbacks.FromPlan;
        if (args.Count < 2 || args[1] is not ("h" or "d"))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (await ButtonSupport.PlannedContactAsync(ctx, ButtonSupport.Id(args, 0), fromPlan, ct) is not var (touch, client))
        {
            return;
        }

        var at = args[1] == "h" ? ctx.Now.AddHours(1) : ADayOn(ctx, touch.PlannedFor!.Value);
        await ButtonSupport.MoveAsync(ctx, touch, client, at, fromPlan, ct);
    }

    private static DateTime ADayOn(BotContext ctx, DateTime plannedUtc)
    {
        var planned = TimeZones.ToLocal(plannedUtc, ctx.Zone);
        var dayOn = TimeZones.ToUtc(planned.AddDays(1), ctx.Zone);
        return dayOn > ctx.Now ? dayOn : ButtonSupport.InDays(ctx, 1, TimeOnly.FromDateTime(planned));
    }
}

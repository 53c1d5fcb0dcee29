using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>📅 under a reminder: pick a day (tomorrow, in 3 days, in a week); the contact keeps its time of day.</summary>
internal sealed class RescheduleContact : IScheduleButton
{
    private static readonly int[] Offered = [1, 3, 7];

    public string Verb => "move";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.PlannedContactAsync(ctx, ButtonSupport.Id(args, 0), fromPlan: false, ct) is not var (touch, client))
        {
            return;
        }

        if (ButtonSupport.Id(args, 1) is not { } days || !Offered.Contains((int)days))
        {
            ctx.Show(new Reply(ctx.T.RescheduleAsk(client.Name), [ScheduleCallbacks.DayChoices(ctx.T, d => ScheduleCallbacks.Move(touch.Id, d))]));
            return;
        }

        var at = ButtonSupport.InDays(ctx, (int)days, TimeOnly.FromDateTime(TimeZones.ToLocal(touch.PlannedFor ?? ctx.Now, ctx.Zone)));
        await ButtonSupport.MoveAsync(ctx, touch, client, at, fromPlan: false, ct);
    }
}

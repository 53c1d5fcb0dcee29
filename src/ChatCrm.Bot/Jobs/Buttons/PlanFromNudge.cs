using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>📅 under a nudge: plan a call with the client (tomorrow, in 3 days, in a week) at 10:00 local.</summary>
internal sealed class PlanFromNudge : IScheduleButton
{
    private static readonly int[] Offered = [1, 3, 7];
    private static readonly TimeOnly At = new(10, 0);

    public string Verb => "plan";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ClientAsync(ctx, ButtonSupport.Id(args, 0), ct) is not { } client)
        {
            return;
        }

        if (ButtonSupport.Id(args, 1) is not { } days || !Offered.Contains((int)days))
        {
            ctx.Show(new Reply(ctx.T.PlanAsk(client.Name), [ScheduleCallbacks.DayChoices(ctx.T, d => ScheduleCallbacks.Plan(client.Id, d))]));
            return;
        }

        var at = ButtonSupport.InDays(ctx, (int)days, At);
        var planned = Touch.Plan(client, await ButtonSupport.CallTypeAsync(ctx, ct), client.OwnerUserId ?? ctx.User.Id, at, null, ctx.Now);
        ctx.Db.Touches.Add(planned);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.Show(ctx.T.NudgeContactPlanned(client.Name, TimeZones.ToLocal(at, ctx.Zone)));
    }
}

using ChatCrm.Bot.Features.Activities;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>⏰ under a reminder (in an hour) or a plan item (tomorrow, same time).</summary>
internal sealed class PostponeContact : IScheduleButton
{
    public string Verb => "later";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ContactAsync(ctx, ButtonSupport.Id(args, 0), ct) is not var (activity, client))
        {
            return;
        }

        var fromPlan = args.Count > 2 && args[2] == "p";
        if (activity.Status != ActivityStatus.Planned || args.Count < 2 || args[1] is not ("h" or "d"))
        {
            ButtonSupport.Answer(ctx, fromPlan, ctx.T.AlreadyHandled());
            return;
        }

        var at = args[1] == "h"
            ? ctx.Now.AddHours(1)
            : ButtonSupport.InDays(ctx, 1, TimeOnly.FromDateTime(TimeZones.ToLocal(activity.PlannedFor ?? ctx.Now, ctx.Zone)));
        activity.Reschedule(at);
        await Contacts.RefreshNextContactAsync(ctx, client, ct);
        ButtonSupport.Answer(ctx, fromPlan, ctx.T.ContactRescheduled(client.Name, TimeZones.ToLocal(at, ctx.Zone)));
    }
}

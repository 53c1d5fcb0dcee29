using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Activities;

/// <summary>
/// Done / snooze under a planned contact (<c>pl:d:&lt;activity&gt;</c>, <c>pl:s:&lt;activity&gt;</c>). Done turns it
/// into a touch now; snooze moves it a day on (to tomorrow, same time, when that is still in the past).
/// </summary>
internal sealed class PlanItemActions : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var activity = args.Count == 2 && long.TryParse(args[1], CultureInfo.InvariantCulture, out var id)
            ? await ctx.Db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct)
            : null;
        var client = activity is null ? null : await ctx.VisibleClients().FirstOrDefaultAsync(c => c.Id == activity.ClientId, ct);
        if (activity is null || client is null || (activity.UserId != ctx.User.Id && !ctx.SeesEverything()))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var workType = await ctx.Db.WorkTypes.FirstAsync(w => w.Id == activity.WorkTypeId, ct);
        switch (args[0])
        {
            case "d":
                activity.Complete(client, ctx.Now);
                await Contacts.RefreshNextContactAsync(ctx, client, ct);
                ctx.Audit("contact.done", client.Name, after: workType.Code);
                ctx.CallbackToast = "✅";
                await TouchLogging.AskNextStepAsync(ctx, client, workType, ctx.T.TouchLogged(workType.Name, client.Name, null, null), always: false, ct);
                break;
            case "s":
                var to = activity.PlannedFor!.Value.AddDays(1);
                if (to <= ctx.Now)
                {
                    var time = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(activity.PlannedFor.Value, ctx.Zone));
                    to = Contacts.ToUtc(DateOnly.FromDateTime(ctx.LocalNow).AddDays(1).ToDateTime(time), ctx.Zone);
                }

                activity.Reschedule(to);
                await Contacts.RefreshNextContactAsync(ctx, client, ct);
                ctx.Audit("contact.snoozed", client.Name, after: workType.Code);
                ctx.CallbackToast = "⏰";
                ctx.Reply(PlanContact.Planned(ctx, client, workType, activity));
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }
}

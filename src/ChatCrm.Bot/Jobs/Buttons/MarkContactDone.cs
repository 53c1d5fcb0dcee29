using ChatCrm.Bot.Features.Activities;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>✅ under a reminder or a plan item: the planned contact happened now.</summary>
internal sealed class MarkContactDone : IScheduleButton
{
    public string Verb => "done";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ContactAsync(ctx, ButtonSupport.Id(args, 0), ct) is not var (activity, client))
        {
            return;
        }

        var fromPlan = args.Count > 1 && args[1] == "p";
        if (activity.Status != ActivityStatus.Planned)
        {
            ButtonSupport.Answer(ctx, fromPlan, ctx.T.AlreadyHandled());
            return;
        }

        activity.Complete(client, ctx.Now);
        await Contacts.RefreshNextContactAsync(ctx, client, ct);
        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ButtonSupport.Answer(ctx, fromPlan, ctx.T.ContactDone(client.Name));
    }
}

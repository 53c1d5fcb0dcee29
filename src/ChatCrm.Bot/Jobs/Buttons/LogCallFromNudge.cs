using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Bot.Jobs.Buttons;

/// <summary>📞 under a nudge: the manager called the client just now.</summary>
internal sealed class LogCallFromNudge : IScheduleButton
{
    public string Verb => "call";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ClientAsync(ctx, ButtonSupport.Id(args, 0), ct) is not { } client)
        {
            return;
        }

        ctx.Db.Touches.Add(Touch.LogDone(client, await ButtonSupport.CallTypeAsync(ctx, ct), ctx.User.Id, ctx.Now, null, ctx.Now));
        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.Show(ctx.T.CallLogged(client.Name));
    }
}

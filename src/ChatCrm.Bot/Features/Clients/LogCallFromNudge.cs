using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>📞 under a nudge: the manager called the client just now.</summary>
internal sealed class LogCallFromNudge : ICallbackHandler
{
    public const string Prefix = "sch:call";

    /// <summary><c>sch:call:&lt;client&gt;</c>.</summary>
    public static string Data(long clientId) => $"{Prefix}:{clientId}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ClientAsync(ctx, ButtonSupport.Id(args, 0), ct) is not { } client)
        {
            return;
        }

        ctx.Db.Touches.Add(Touch.LogDone(client, await WorkTypeLookup.RequireDefaultAsync(ctx, ct), ctx.User.Id, ctx.Now, null, ctx.Now));
        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.Show(ctx.T.CallLogged(client.Name));
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>📅 under a nudge: plan a call with the client (tomorrow, in 3 days, in a week) at 10:00 local.</summary>
internal sealed class PlanFromNudge : ICallbackHandler
{
    public const string Prefix = "sch:plan";
    private static readonly int[] Offered = [1, 3, 7];
    private static readonly TimeOnly At = new(10, 0);

    /// <summary><c>sch:plan:&lt;client&gt;[:&lt;days&gt;]</c>: without days it asks for them.</summary>
    public static string Data(long clientId, int? days = null) => $"{Prefix}:{clientId}{(days is { } d ? $":{d}" : "")}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ClientAsync(ctx, ButtonSupport.Id(args, 0), ct) is not { } client)
        {
            return;
        }

        if (ButtonSupport.Id(args, 1) is not { } days || !Offered.Contains((int)days))
        {
            ctx.Show(new Reply(ctx.T.PlanAsk(client.Name), [ButtonSupport.DayChoices(ctx.T, d => Data(client.Id, d))]));
            return;
        }

        var at = ButtonSupport.InDays(ctx, (int)days, At);
        var planned = Touch.Plan(client, await WorkTypeLookup.RequireDefaultAsync(ctx, ct), client.OwnerUserId ?? ctx.User.Id, at, null, ctx.Now);
        ctx.Db.Touches.Add(planned);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.Show(ctx.T.NudgeContactPlanned(client.Name, TimeZones.ToLocal(at, ctx.Zone)));
    }
}

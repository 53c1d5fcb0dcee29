using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>😴 under a nudge: why (a reason) and until when (a week, two, a month) — no nudges until then.</summary>
internal sealed class SnoozeClient : ICallbackHandler
{
    public const string Prefix = "sch:snooze";
    private static readonly int[] Offered = [7, 14, 30];

    /// <summary><c>sch:snooze:&lt;client&gt;</c>: asks why.</summary>
    public static string Data(long clientId) => $"{Prefix}:{clientId}";

    /// <summary><c>sch:snooze:&lt;client&gt;:&lt;reason&gt;[:&lt;days&gt;]</c>: without days it asks until when.</summary>
    public static string Data(long clientId, int reason, int? days = null) => $"{Prefix}:{clientId}:{reason}{(days is { } d ? $":{d}" : "")}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ClientAsync(ctx, ButtonSupport.Id(args, 0), ct) is not { } client)
        {
            return;
        }

        if (ButtonSupport.Id(args, 1) is not { } code || !Enum.IsDefined((SnoozeReason)code))
        {
            ctx.Show(new Reply(ctx.T.SnoozeAskReason(client.Name), Enum.GetValues<SnoozeReason>()
                .Select(r => (IReadOnlyList<Button>)[Button.Callback(ctx.T.SnoozeReasonName(r), Data(client.Id, (int)r))]).ToList()));
            return;
        }

        var reason = (SnoozeReason)code;
        if (ButtonSupport.Id(args, 2) is not { } days || !Offered.Contains((int)days))
        {
            ctx.Show(new Reply(ctx.T.SnoozeAskUntil(client.Name, reason),
                [Offered.Select(d => Button.Callback(ctx.T.InDaysButton(d), Data(client.Id, (int)reason, d))).ToList()]));
            return;
        }

        var until = ButtonSupport.InDays(ctx, (int)days, TimeOnly.MinValue);
        var streak = await ctx.Db.ClientNudges.FirstOrDefaultAsync(n => n.ClientId == client.Id, ct);
        if (streak is null)
        {
            streak = ClientNudge.Start(client.Id, client.OwnerUserId ?? ctx.User.Id, ctx.Now);
            ctx.Db.ClientNudges.Add(streak);
        }

        streak.Snooze(reason, until, ctx.Now);
        ctx.Audit.Record(AuditActions.ClientSnoozed, client.Name, null, $"{reason} until {until:O}");
        ctx.Show(ctx.T.Snoozed(client.Name, reason, TimeZones.ToLocal(until, ctx.Zone)));
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>❌ under a nudge: the client's open deals are lost, with a reason picked from the configured ones.</summary>
internal sealed class LoseClient : ICallbackHandler
{
    public const string Prefix = "sch:lost";

    /// <summary><c>sch:lost:&lt;client&gt;[:&lt;reason&gt;]</c>: without a reason it asks for one.</summary>
    public static string Data(long clientId, long? reasonId = null) => $"{Prefix}:{clientId}{(reasonId is { } r ? $":{r}" : "")}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ClientAsync(ctx, ButtonSupport.Id(args, 0), ct) is not { } client)
        {
            return;
        }

        var open = await ctx.VisibleDeals().Where(d => d.ClientId == client.Id && d.Status == DealStatus.Open).ToListAsync(ct);
        if (open.Count == 0)
        {
            ctx.Show(ctx.T.AlreadyHandled());
            return;
        }

        var reason = ButtonSupport.Id(args, 1) is { } id ? await ctx.Db.LostReasons.FindAsync([id], ct) : null;
        if (reason is null || reason.IsRetired)
        {
            var reasons = await ctx.Db.LostReasons.Where(r => !r.IsRetired).OrderBy(r => r.Id).ToListAsync(ct);
            ctx.Show(new Reply(ctx.T.LostAsk(client.Name), reasons.Select(r => Button.Callback(r.Name, Data(client.Id, r.Id)))
                .Chunk(2).Select(row => (IReadOnlyList<Button>)row).ToList()));
            return;
        }

        foreach (var deal in open)
        {
            ctx.Db.StageChanges.Add(deal.Lose(reason, null, ctx.Now, ctx.User.Id));
            await StageArrivals.FollowAsync(ctx, deal, ct);
        }

        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.Audit.Record(AuditActions.DealLost, client.Name, null, reason.Name);
        ctx.Show(ctx.T.ClientLost(client.Name, open.Count, reason.Name));
    }
}

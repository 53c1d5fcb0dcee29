using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// 🤝 under a nudge (the owner) or 🔁 under an escalation (a head): the client and its open deals go to another
/// active manager, who is told.
/// </summary>
internal sealed class HandOverClient(IOptions<CrmOptions> crm) : ICallbackHandler
{
    public const string Prefix = "sch:hand";
    private const int Offered = 20;

    /// <summary><c>sch:hand:&lt;client&gt;[:&lt;user&gt;]</c>: without a user it asks to whom.</summary>
    public static string Data(long clientId, long? toUserId = null) => $"{Prefix}:{clientId}{(toUserId is { } u ? $":{u}" : "")}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ButtonSupport.ClientAsync(ctx, ButtonSupport.Id(args, 0), ct) is not { } client)
        {
            return;
        }

        // Clients are sales work: someone of another department (even forged into the button) is asked again.
        var to = ButtonSupport.Id(args, 1) is { } id ? await ctx.Db.Users.FindAsync([id], ct) : null;
        if (to is null || !to.IsActive || to.Id == client.OwnerUserId || to.DepartmentId is not null)
        {
            var managers = await ctx.Db.Users.ActiveSalespeople().Where(u => u.Id != client.OwnerUserId)
                .OrderBy(u => u.DisplayName).Take(Offered).ToListAsync(ct);
            ctx.Show(managers.Count == 0
                ? ctx.T.NobodyToHandTo()
                : new Reply(ctx.T.HandOverAsk(client.Name), managers.Select(u => Button.Callback(u.DisplayName, Data(client.Id, u.Id)))
                    .Chunk(2).Select(row => (IReadOnlyList<Button>)row).ToList()));
            return;
        }

        var from = client.OwnerUserId is { } owner ? await ctx.Db.Users.FindAsync([owner], ct) : null;
        client.AssignTo(to.Id);
        foreach (var deal in await ctx.Db.Deals.Where(d => d.ClientId == client.Id && d.Status == DealStatus.Open).ToListAsync(ct))
        {
            deal.HandOver(to.Id);
        }

        await ButtonSupport.EndStreakAsync(ctx, client.Id, ct);
        ctx.Audit.Record(AuditActions.ClientHandover, client.Name, from?.DisplayName, to.DisplayName);
        ctx.Show(ctx.T.HandedOver(client.Name, to.DisplayName));
        ctx.Notify(to, t => new Reply(t.HandedToYou(client.Name, ctx.User.DisplayName), NudgeButtons.For(t, client.Id)), crm.Value.Language);
    }
}

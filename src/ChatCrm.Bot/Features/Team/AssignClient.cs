using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Parsing;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Team;

/// <summary>/assign &lt;client&gt; &lt;manager&gt;: the client, its open deals and planned contacts go to the manager, who is told.</summary>
internal sealed class AssignClient(IOptions<CrmOptions> crm) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (args.Trim().Length == 0)
        {
            ctx.Reply(ctx.T.HowToUse("assign"));
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (ClientFinder.AskIfUnsettled(ctx, lookup, "assign", args) || lookup.Client is not { } client)
        {
            return;
        }

        var people = await Colleagues.ActiveAsync(ctx, ct);
        if (Colleagues.Find(people, lookup.Rest) is not { } manager)
        {
            Colleagues.AskWhich(ctx, "assign", $"{ProcessArgs.Ref('c', client.Id)} {{0}}",
                lookup.Rest.Length == 0 ? ctx.T.AskWhichManager(client.Name) : ctx.T.ManagerNotFound(lookup.Rest), people, lookup.Rest);
            return;
        }

        var before = client.OwnerUserId is { } ownerId ? await ctx.Db.Users.FindAsync([ownerId], ct) : null;
        if (client.OwnerUserId == manager.Id)
        {
            ctx.Reply(ctx.T.AlreadyAssigned(client.Name, manager.DisplayName));
            return;
        }

        var handed = await HandOver.ClientAsync(ctx, client, manager.Id, ct);
        ctx.Audit.Record(AuditActions.ClientAssigned, client.Name, before?.DisplayName ?? "-", manager.DisplayName);
        ctx.Reply(ctx.T.ClientAssigned(client.Name, manager.DisplayName, handed.Deals, handed.Contacts));
        if (manager.Id != ctx.User.Id)
        {
            ctx.Notify(manager, t => t.ClientAssignedToYou(client.Name, ctx.User.DisplayName, handed.Deals), crm.Value.Language);
        }
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Team;

/// <summary>/invite manager|head|admin: a single-use, expiring deep link. Nobody invites above their own role.</summary>
internal sealed class CreateInvite(BotIdentity bot) : ICommandHandler, ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (Roles.Parse(args) is { } role)
        {
            await CreateAsync(ctx, role, ct);
        }
        else
        {
            var choices = Enum.GetValues<Role>().Where(r => ctx.User.Role.Includes(r))
                .Select(r => Button.Callback(ctx.T.RoleName(r), $"inv:{r.Code()}"));
            ctx.Reply(new Reply(ctx.T.InviteAskRole(), [[.. choices]]));
        }

    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 1 && Roles.Parse(args[0]) is { } role)
        {
            await CreateAsync(ctx, role, ct);
        }
        else
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }

    }

    private async Task CreateAsync(BotContext ctx, Role role, CancellationToken ct)
    {
        if (!ctx.User.Role.Includes(role))
        {
            ctx.Reply(ctx.T.InviteRoleTooHigh(role));
            ctx.Audit.Record(AuditActions.AccessDenied, $"invite {role.Code()}", ctx.User.Role.Code(), role.Code());
            return;
        }

        var invite = Invite.Create(role, ctx.User.Id, ctx.Now);
        ctx.Db.Invites.Add(invite);
        ctx.Audit.Record(AuditActions.InviteCreated, role.Code(), after: invite.ExpiresAt.ToString("O"));
        var link = await bot.UsernameAsync(ct) is { } name ? $"https://t.me/{name}?start={invite.Code}" : $"/start {invite.Code}";
        ctx.Reply(ctx.T.InviteCreated(role, link, TimeZones.ToLocal(invite.ExpiresAt, ctx.Zone)));
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.Extensions.Options;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>/role &lt;user&gt; &lt;role&gt;; what is missing is asked with buttons (which user? which role?).</summary>
internal sealed class ChangeRole(IOptions<CrmOptions> crm) : ICommandHandler, ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var role = words.Length > 1 ? Roles.Parse(words[^1]) : null;
        var query = string.Join(' ', role is null ? words : words[..^1]);
        if (query.Length == 0)
        {
            var all = await UserLookup.FindAsync(ctx.Db, "", ct);
            ctx.Reply(new Reply(ctx.T.PickUser(), UserLookup.Picker(all.Where(u => u.IsActive && u.Id != ctx.User.Id), id => $"role:{id}")));
            return;
        }

        var found = await UserLookup.FindAsync(ctx.Db, query, ct);
        switch (found.Count)
        {
            case 0:
                ctx.Reply(ctx.T.UserNotFound(query));
                break;
            case > 1:
                ctx.Reply(new Reply(ctx.T.PickUser(), UserLookup.Picker(found, id => role is null ? $"role:{id}" : $"role:{id}:{role.Value.Code()}")));
                break;
            default:
                if (role is null)
                {
                    AskRole(ctx, found[0]);
                }
                else
                {
                    Apply(ctx, found[0], role.Value);
                }

                break;
        }
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var target = args.Count >= 1 && long.TryParse(args[0], out var id) ? await ctx.Db.Users.FindAsync([id], ct) : null;
        if (target is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }
        else if (args.Count == 2 && Roles.Parse(args[1]) is { } role)
        {
            Apply(ctx, target, role);
        }
        else
        {
            AskRole(ctx, target);
        }
    }

    private static void AskRole(BotContext ctx, User target) =>
        ctx.Show(new Reply(ctx.T.PickRole(target.DisplayName, target.Role),
            [[.. Enum.GetValues<Role>().Select(r => Button.Callback(ctx.T.RoleName(r), $"role:{target.Id}:{r.Code()}"))]]));

    private void Apply(BotContext ctx, User target, Role role)
    {
        if (target.Id == ctx.User.Id)
        {
            ctx.Show(ctx.T.CannotChangeOwnRole());
            return;
        }

        if (crm.Value.AdminTelegramIds.Contains(target.TelegramId))
        {
            ctx.Show(ctx.T.ConfigAdmin(target.DisplayName));
            return;
        }

        if (target.Role == role)
        {
            ctx.Show(ctx.T.RoleUnchanged(target.DisplayName, role));
            return;
        }

        var before = target.Role;
        target.ChangeRole(role);
        ctx.Audit.Record(AuditActions.UserRole, target.DisplayName, before.Code(), role.Code());
        ctx.Show(ctx.T.RoleChanged(target.DisplayName, before, role));
        ctx.Notify(target, t => t.YourRoleChanged(role), crm.Value.Language);
        ctx.Menus.Refresh(target, crm.Value.Language);
    }
}

using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Messages;
using Microsoft.Extensions.Options;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>/deactivate &lt;user&gt;: asks to confirm, then switches the user off (they keep their history).</summary>
internal sealed class DeactivateUser(IOptions<CrmOptions> crm) : ICommandHandler, ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var found = await UserLookup.FindAsync(ctx.Db, args, ct);
        var active = found.Where(u => u.IsActive).ToList();
        if (args.Trim().Length > 0 && found.Count == 0)
        {
            ctx.Reply(ctx.T.UserNotFound(args));
        }
        else if (args.Trim().Length > 0 && found.Count == 1 && !found[0].IsActive)
        {
            ctx.Reply(ctx.T.AlreadyInactive(found[0].DisplayName));
        }
        else if (active.Count == 1 && args.Trim().Length > 0)
        {
            Confirm(ctx, active[0]);
        }
        else
        {
            ctx.Reply(new Reply(ctx.T.PickUser(), UserLookup.Picker(active.Where(u => u.Id != ctx.User.Id), id => $"deact:{id}")));
        }
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var target = args.Count >= 1 && long.TryParse(args[0], out var id) ? await ctx.Db.Users.FindAsync([id], ct) : null;
        if (target is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }
        else if (args.Count == 2 && args[1] == "y")
        {
            Apply(ctx, target);
        }
        else if (args.Count == 2 && args[1] == "n")
        {
            ctx.Show(ctx.T.Cancelled());
        }
        else
        {
            Confirm(ctx, target);
        }
    }

    private static void Confirm(BotContext ctx, User target) =>
        ctx.Show(new Reply(ctx.T.DeactivateConfirm(target.DisplayName),
            [[Button.Callback(ctx.T.Yes, $"deact:{target.Id}:y"), Button.Callback(ctx.T.No, $"deact:{target.Id}:n")]]));

    private void Apply(BotContext ctx, User target)
    {
        if (target.Id == ctx.User.Id)
        {
            ctx.Show(ctx.T.CannotDeactivateSelf());
        }
        else if (crm.Value.AdminTelegramIds.Contains(target.TelegramId))
        {
            ctx.Show(ctx.T.ConfigAdmin(target.DisplayName));
        }
        else if (!target.IsActive)
        {
            ctx.Show(ctx.T.AlreadyInactive(target.DisplayName));
        }
        else
        {
            target.Deactivate();
            target.EndDialog();
            ctx.Audit("user.deactivated", target.DisplayName, "active", "inactive");
            ctx.Show(ctx.T.UserDeactivated(target.DisplayName));
            ctx.Notify(target, t => t.Deactivated(), crm.Value.Language);
        }
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /deactivate &lt;user&gt; [to &lt;manager&gt;]: asks to confirm, hands the user's clients, open deals and planned
/// contacts to a colleague (asked with buttons when not named and there is anything to hand over), then
/// switches the user off; they keep their history. Buttons: <c>deact:&lt;id&gt;[:to:&lt;successor&gt;|:y[:&lt;successor&gt;]|:n]</c>.
/// </summary>
internal sealed class DeactivateUser(IOptions<CrmOptions> crm) : ICommandHandler, ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var (who, successorQuery) = SplitSuccessor(args);
        var found = await UserLookup.FindAsync(ctx.Db, who, ct);
        var active = found.Where(u => u.IsActive).ToList();
        if (who.Length > 0 && found.Count == 0)
        {
            ctx.Reply(ctx.T.UserNotFound(who));
        }
        else if (who.Length > 0 && found.Count == 1 && !found[0].IsActive)
        {
            ctx.Reply(ctx.T.AlreadyInactive(found[0].DisplayName));
        }
        else if (active.Count == 1 && who.Length > 0)
        {
            await ConfirmAsync(ctx, active[0], successorQuery, ct);
        }
        else
        {
            ctx.Reply(new Reply(ctx.T.PickUser(), UserLookup.Picker(active.Where(u => u.Id != ctx.User.Id), id => $"deact:{id}")));
        }
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var target = args.Count >= 1 && long.TryParse(args[0], out var id) ? await ctx.Db.Users.FindAsync([id], ct) : null;
        var successor = args.Count == 3 && long.TryParse(args[2], out var sid) ? await ctx.Db.Users.FindAsync([sid], ct) : null;
        if (target is null || (args.Count == 3 && successor is null))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }
        else if (args.Count >= 2 && args[1] == "y")
        {
            await ApplyAsync(ctx, target, successor, ct);
        }
        else if (args.Count == 2 && args[1] == "n")
        {
            ctx.Show(ctx.T.Cancelled());
        }
        else if (args.Count == 3 && args[1] == "to")
        {
            await ConfirmAsync(ctx, target, successor, ct);
        }
        else
        {
            await ConfirmAsync(ctx, target, (User?)null, ct);
        }
    }

    /// <summary>«Иван to Пётр», «Иван в Пётр», «Иван на Петра»: the first whole-word keyword splits.</summary>
    private static (string Who, string? Successor) SplitSuccessor(string args)
    {
        var words = ProcessArgs.Words(args);
        var at = Array.FindIndex(words, w => ProcessArgs.To.Contains(w, StringComparer.OrdinalIgnoreCase));
        return at >= 1 && at < words.Length - 1
            ? (string.Join(' ', words[..at]), string.Join(' ', words[(at + 1)..]))
            : (args.Trim(), null);
    }

    private static async Task ConfirmAsync(BotContext ctx, User target, string? successorQuery, CancellationToken ct)
    {
        User? successor = null;
        if (successorQuery is not null)
        {
            var people = (await Colleagues.ActiveAsync(ctx, ct)).Where(u => u.Id != target.Id).ToList();
            successor = Colleagues.Find(people, successorQuery);
            if (successor is null)
            {
                ctx.Reply(new Reply(ctx.T.ManagerNotFound(successorQuery), UserLookup.Picker(people, id => $"deact:{target.Id}:to:{id}")));
                return;
            }
        }

        await ConfirmAsync(ctx, target, successor, ct);
    }

    private static async Task ConfirmAsync(BotContext ctx, User target, User? successor, CancellationToken ct)
    {
        var owned = await HandOver.CountAsync(ctx, target.Id, ct);
        if (owned.Any && (successor is null || successor.Id == target.Id || !successor.IsActive))
        {
            var people = (await Colleagues.ActiveAsync(ctx, ct)).Where(u => u.Id != target.Id);
            ctx.Show(new Reply(ctx.T.DeactivateAskSuccessor(target.DisplayName, owned.Clients, owned.Deals, owned.Contacts),
                [.. UserLookup.Picker(people, id => $"deact:{target.Id}:to:{id}"), [Button.Callback(ctx.T.CancelButton, $"deact:{target.Id}:n")]]));
            return;
        }

        var yes = owned.Any ? $"deact:{target.Id}:y:{successor!.Id}" : $"deact:{target.Id}:y";
        var question = owned.Any
            ? ctx.T.DeactivateConfirmHandOver(target.DisplayName, successor!.DisplayName, owned.Clients, owned.Deals, owned.Contacts)
            : ctx.T.DeactivateConfirm(target.DisplayName);
        ctx.Show(new Reply(question, [[Button.Callback(ctx.T.Yes, yes), Button.Callback(ctx.T.No, $"deact:{target.Id}:n")]]));
    }

    private async Task ApplyAsync(BotContext ctx, User target, User? successor, CancellationToken ct)
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
        else if (successor is not null && (successor.Id == target.Id || !successor.IsActive))
        {
            await ConfirmAsync(ctx, target, (User?)null, ct);
        }
        else if (successor is null && (await HandOver.CountAsync(ctx, target.Id, ct)).Any)
        {
            // Nothing is left without an owner: an old confirmation must not orphan clients gained since.
            await ConfirmAsync(ctx, target, (User?)null, ct);
        }
        else
        {
            if (successor is not null)
            {
                var handed = await HandOver.EverythingAsync(ctx, target.Id, successor.Id, ct);
                ctx.Audit.Record(AuditActions.UserHandover, target.DisplayName, target.DisplayName,
                    $"{successor.DisplayName}: {handed.Clients} clients, {handed.Deals} deals, {handed.Contacts} contacts");
                ctx.Notify(successor, t => t.HandedOverToYou(target.DisplayName, handed.Clients, handed.Deals, handed.Contacts), crm.Value.Language);
                ctx.Show(ctx.T.UserDeactivatedHandedOver(target.DisplayName, successor.DisplayName, handed.Clients, handed.Deals, handed.Contacts));
            }
            else
            {
                ctx.Show(ctx.T.UserDeactivated(target.DisplayName));
            }

            await HandOnStagesAsync(ctx, target, successor, ct);
            target.Deactivate();
            target.EndDialog();
            ctx.Audit.Record(AuditActions.UserDeactivated, target.DisplayName, "active", "inactive");
            ctx.Notify(target, t => t.Deactivated(), crm.Value.Language);
            ctx.Menus.Withdraw(target);
        }
    }

    /// <summary>
    /// Stages the person owned go to the successor (or back to the deals' managers), and so do the open stage tasks
    /// owed to them: nothing is left owed to someone who can no longer open the bot.
    /// </summary>
    private static async Task HandOnStagesAsync(BotContext ctx, User target, User? successor, CancellationToken ct)
    {
        var taskStages = await ctx.Db.StageTasks.Where(t => t.UserId == target.Id
            && (t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork)).Select(t => t.StageId).ToListAsync(ct);
        var stages = await ctx.Db.Stages.Where(s => s.OwnerUserId == target.Id || taskStages.Contains(s.Id)).ToListAsync(ct);
        foreach (var stage in stages)
        {
            if (stage.OwnerUserId == target.Id)
            {
                stage.SetOwner(null, successor?.Id);
                ctx.Audit.Record(AuditActions.StageOwner, stage.Name, target.DisplayName, successor?.DisplayName ?? "-");
            }

            await TaskOwners.FollowStageAsync(ctx, stage, ct);
        }
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /invite manager|head|admin: a single-use, expiring deep link. Nobody invites above their own role.
/// /invite staff &lt;dept&gt;: the same for a colleague of another department, who joins it with the manager role.
/// </summary>
internal sealed class CreateInvite(BotIdentity bot) : ICommandHandler, ICallbackHandler
{
    private static readonly string[] StaffWords = ["staff", "сотрудник", "сотрудника"];

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var (verb, rest) = ProcessArgs.Verb(args);
        if (StaffWords.Contains(verb))
        {
            await StaffAsync(ctx, rest, ct);
        }
        else if (Roles.Parse(args) is { } role)
        {
            await CreateAsync(ctx, role, ct);
        }
        else
        {
            var choices = Enum.GetValues<Role>().Where(r => ctx.User.Role.Includes(r))
                .Select(r => Button.Callback(ctx.T.RoleName(r), $"inv:{r.Code()}"));
            ctx.Reply(new Reply(ctx.T.InviteAskRole(), [[.. choices], [Button.Callback(ctx.T.InviteStaffButton, "inv:staff")]]));
        }

    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 1 && Roles.Parse(args[0]) is { } role)
        {
            await CreateAsync(ctx, role, ct);
        }
        else if (args is ["staff"])
        {
            await StaffAsync(ctx, "", ct);
        }
        else if (args is ["staff", var department])
        {
            await StaffAsync(ctx, ProcessArgs.Ref('d', long.TryParse(department, out var id) ? id : 0), ct);
        }
        else
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }

    }

    /// <summary>The department named (asked with buttons when it is not), then an invite into it.</summary>
    private async Task StaffAsync(BotContext ctx, string name, CancellationToken ct)
    {
        var live = await DepartmentFinder.LiveAsync(ctx.Db, ct);
        if (DepartmentFinder.Find(live, name) is not { } department)
        {
            var buttons = live.Select(d => Button.Callback($"🏢 {d.Name}", $"inv:staff:{d.Id}")).Chunk(2).Select(r => (IReadOnlyList<Button>)r).ToList();
            ctx.Reply(new Reply(name.Length == 0 ? ctx.T.InviteAskDepartment() : ctx.T.DeptNotFound(name), buttons));
            return;
        }

        var invite = Invite.Create(Role.Manager, ctx.User.Id, ctx.Now, department.IsSales ? null : department.Id);
        ctx.Db.Invites.Add(invite);
        ctx.Audit.Record(AuditActions.InviteCreated, $"staff {department.Name}", after: invite.ExpiresAt.ToString("O"));
        ctx.Reply(ctx.T.InviteStaffCreated(department.Name, await LinkAsync(invite, ct), TimeZones.ToLocal(invite.ExpiresAt, ctx.Zone)));
    }

    private async Task<string> LinkAsync(Invite invite, CancellationToken ct) =>
        await bot.UsernameAsync(ct) is { } name ? $"https://t.me/{name}?start={invite.Code}" : $"/start {invite.Code}";

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
        ctx.Reply(ctx.T.InviteCreated(role, await LinkAsync(invite, ct), TimeZones.ToLocal(invite.ExpiresAt, ctx.Zone)));
    }
}

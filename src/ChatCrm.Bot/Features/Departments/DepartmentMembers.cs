using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Departments;

/// <summary>
/// /dept &lt;name&gt; + &lt;person&gt; moves the person into the department (a person is in one department);
/// /dept &lt;name&gt; - &lt;person&gt; puts them back in sales. The name alone opens the department's card.
/// </summary>
internal static class DepartmentMembers
{
    public static async Task RunAsync(BotContext ctx, string text, CancellationToken ct)
    {
        var live = await DepartmentFinder.LiveAsync(ctx.Db, ct);
        var (department, rest) = SplitAtSign(live, text);
        if (department is null)
        {
            ShowDepartments.NotFound(ctx, live, rest);
            return;
        }

        if (rest.Length == 0)
        {
            await ShowDepartments.CardAsync(ctx, department, ct);
            return;
        }

        var sign = rest[0];
        var who = rest[1..].Trim();
        if (sign is not ('+' or '-'))
        {
            ctx.Reply(ctx.T.DeptMemberHowTo(department.Name));
            return;
        }

        if (who.Length == 0)
        {
            ctx.Ask(DepartmentCommand.Name, $"{DepartmentFinder.Ref(department)} {sign}", ctx.T.AskDeptMember(department.Name));
            return;
        }

        var people = await Colleagues.ActiveAsync(ctx, ct);
        if (Colleagues.Find(people, who) is not { } person)
        {
            Colleagues.AskWhich(ctx, DepartmentCommand.Name, $"{DepartmentFinder.Ref(department)} {sign} {{0}}", ctx.T.UserNotFound(who), people, who);
            return;
        }

        var current = await DepartmentFinder.OfAsync(ctx.Db, person, ct);
        if (sign == '+')
        {
            await JoinAsync(ctx, person, current, department, ct);
        }
        else
        {
            await LeaveAsync(ctx, person, current, department, ct);
        }
    }

    private static async Task JoinAsync(BotContext ctx, User person, Department current, Department department, CancellationToken ct)
    {
        if (current.Id == department.Id)
        {
            ctx.Reply(ctx.T.DeptMemberAlready(person.DisplayName, department.Name));
            return;
        }

        // A manager outside sales sees only the deals at their department's stages: their own clients would be orphaned.
        if (!department.IsSales && person.Role == Role.Manager
            && await ctx.Db.Clients.CountAsync(c => c.OwnerUserId == person.Id, ct) is > 0 and var clients)
        {
            ctx.Reply(ctx.T.DeptMemberOwnsClients(person.DisplayName, clients));
            return;
        }

        DepartmentFinder.Place(person, department);
        ctx.Audit.Record(AuditActions.DeptMember, person.DisplayName, current.Name, department.Name);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(new Reply(ctx.T.DeptMemberAdded(person.DisplayName, department.Name, current.Name), ShowDepartments.CardButtons(ctx.T, department)));
    }

    private static async Task LeaveAsync(BotContext ctx, User person, Department current, Department department, CancellationToken ct)
    {
        if (current.Id != department.Id || department.IsSales)
        {
            ctx.Reply(ctx.T.DeptMemberNotThere(person.DisplayName, department.Name));
            return;
        }

        var sales = await DepartmentFinder.SalesAsync(ctx.Db, ct);
        DepartmentFinder.Place(person, sales);
        ctx.Audit.Record(AuditActions.DeptMember, person.DisplayName, department.Name, sales.Name);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(new Reply(ctx.T.DeptMemberRemoved(person.DisplayName, department.Name, sales.Name), ShowDepartments.CardButtons(ctx.T, department)));
    }

    /// <summary>
    /// «Логистика + @petrov»: the department is the words before a lone + or -, or (no sign) the longest leading words
    /// that name one. Gives the department and what follows it, sign first.
    /// </summary>
    private static (Department? Department, string Remainder) SplitAtSign(IReadOnlyList<Department> live, string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, w => w is "+" or "-");
        if (at > 0)
        {
            var name = string.Join(' ', words[..at]);
            var department = DepartmentFinder.Find(live, name);
            return department is null ? (null, name) : (department, string.Join(' ', words[at..]));
        }

        var (found, rest) = DepartmentFinder.FindAtStart(live, text);
        return found is null ? (null, text.Trim()) : (found, rest);
    }
}

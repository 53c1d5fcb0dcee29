using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Departments;

/// <summary>
/// /dept [add|rename|remove …] and /dept &lt;name&gt; [+|- &lt;person&gt;]: the departments a head keeps, and who is in each.
/// Bare, it lists them (<see cref="ShowDepartments"/>); a department's name alone opens its card.
/// </summary>
internal sealed class DepartmentCommand : ICommandHandler
{
    public const string Name = "dept";

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var (verb, rest) = ProcessArgs.Verb(args);
        switch (verb)
        {
            case "":
                await ShowDepartments.ListAsync(ctx, ct);
                break;
            case "add" or "добавить" or "new" or "новый":
                await AddAsync(ctx, rest, ct);
                break;
            case "rename" or "переименовать":
                await RenameAsync(ctx, rest, ct);
                break;
            case "remove" or "удалить" or "убрать" or "delete":
                await RemoveDepartment.AskOrRemoveAsync(ctx, rest, ct);
                break;
            default:
                await DepartmentMembers.RunAsync(ctx, args, ct);
                break;
        }
    }

    private static async Task AddAsync(BotContext ctx, string name, CancellationToken ct)
    {
        if (name.Length == 0)
        {
            ctx.Ask(Name, "add", ctx.T.AskDeptName());
            return;
        }

        var department = Department.Create(name);
        if (DepartmentFinder.Find(await DepartmentFinder.LiveAsync(ctx.Db, ct), department.Name) is { } taken)
        {
            ctx.Reply(ctx.T.DeptNameTaken(taken.Name));
            return;
        }

        ctx.Db.Departments.Add(department);
        ctx.Audit.Record(AuditActions.DeptAdded, department.Name);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(new Reply(ctx.T.DeptAdded(department.Name), ShowDepartments.CardButtons(ctx.T, department)));
    }

    /// <summary>«/dept rename Логистика Склад и доставка»: the longest leading words that name a department, then the new name.</summary>
    private static async Task RenameAsync(BotContext ctx, string text, CancellationToken ct)
    {
        var live = await DepartmentFinder.LiveAsync(ctx.Db, ct);
        var (department, newName) = DepartmentFinder.FindAtStart(live, text);
        if (department is null)
        {
            ShowDepartments.NotFound(ctx, live, text);
            return;
        }

        if (newName.Length == 0)
        {
            ctx.Ask(Name, $"rename {DepartmentFinder.Ref(department)}", ctx.T.AskDeptNewName(department.Name));
            return;
        }

        if (live.FirstOrDefault(d => d.Id != department.Id && d.IsNamed(newName)) is { } taken)
        {
            ctx.Reply(ctx.T.DeptNameTaken(taken.Name));
            return;
        }

        var before = department.Name;
        department.Rename(newName);
        ctx.Audit.Record(AuditActions.DeptRenamed, department.Name, before, department.Name);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(new Reply(ctx.T.DeptRenamed(before, department.Name), ShowDepartments.CardButtons(ctx.T, department)));
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Departments;

/// <summary>
/// /dept remove &lt;name&gt;: a department nobody is in and that owns no stage goes at once; otherwise the head is asked
/// where its people go (a button per other department) and told its stages return to the deals' managers — nothing is
/// left pointing at a department that is gone. The sales department stays. A department something still refers to
/// (an invite, a norm) is retired, not deleted, so history keeps its name.
/// </summary>
internal static class RemoveDepartment
{
    public static async Task AskOrRemoveAsync(BotContext ctx, string text, CancellationToken ct)
    {
        var live = await DepartmentFinder.LiveAsync(ctx.Db, ct);
        if (text.Length == 0 || DepartmentFinder.Find(live, text) is not { } department)
        {
            ShowDepartments.NotFound(ctx, live, text);
            return;
        }

        if (department.IsSales)
        {
            ctx.Reply(ctx.T.DeptSalesCannotBeRemoved(department.Name));
            return;
        }

        var people = await ctx.Db.Users.CountAsync(u => u.DepartmentId == department.Id, ct);
        var stages = await ctx.Db.Stages.Where(s => s.OwnerDepartmentId == department.Id && !s.IsRetired).Select(s => s.Name).ToListAsync(ct);
        if (people == 0 && stages.Count == 0)
        {
            await RemoveAsync(ctx, department, 0, ct);
            return;
        }

        List<IReadOnlyList<Button>> rows = people == 0
            ? [[Button.Callback(ctx.T.DeptRemoveButton, $"{ShowDepartments.Prefix}:xy:{department.Id}:0")]]
            : [.. live.Where(d => d.Id != department.Id)
                .Select(d => Button.Callback(ctx.T.DeptPeopleToButton(d.Name), $"{ShowDepartments.Prefix}:xy:{department.Id}:{(d.IsSales ? 0 : d.Id)}"))
                .Chunk(2)];
        rows.Add([Button.Callback(ctx.T.CancelButton, $"{ShowDepartments.Prefix}:c:{department.Id}")]);
        var tasks = await DepartmentTasks.OpenCountAsync(ctx.Db, department.Id, ct);
        ctx.Reply(new Reply(ctx.T.DeptRemoveAsk(department.Name, people, stages) + (tasks == 0 ? "" : "\n" + ctx.T.DeptRemoveTasksAsk(tasks)), rows));
    }

    /// <summary>Moves the people to department <paramref name="toId"/> (0: sales), hands the stages back, then removes.</summary>
    public static async Task RemoveAsync(BotContext ctx, Department department, long toId, CancellationToken ct)
    {
        if (department.IsSales)
        {
            ctx.Reply(ctx.T.DeptSalesCannotBeRemoved(department.Name));
            return;
        }

        var target = toId == 0
            ? await DepartmentFinder.SalesAsync(ctx.Db, ct)
            : await ctx.Db.Departments.FirstOrDefaultAsync(d => d.Id == toId && !d.IsRetired && d.Id != department.Id, ct);
        if (target is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var people = await ctx.Db.Users.Where(u => u.DepartmentId == department.Id).ToListAsync(ct);
        foreach (var person in people)
        {
            DepartmentFinder.Place(person, target);
            ctx.Audit.Record(AuditActions.DeptMember, person.DisplayName, department.Name, target.Name);
        }

        // Retired stages too: nothing may keep pointing at the department.
        var stages = await ctx.Db.Stages.Where(s => s.OwnerDepartmentId == department.Id).ToListAsync(ct);
        foreach (var stage in stages)
        {
            stage.SetOwner(null, null);
            ctx.Audit.Record(AuditActions.StageOwner, stage.Name, department.Name, "-");
        }

        var tasks = await DepartmentTasks.HandToManagersAsync(ctx, department, ct);
        if (await ctx.Db.Invites.AnyAsync(i => i.DepartmentId == department.Id, ct) || await ctx.Db.Norms.AnyAsync(n => n.DepartmentId == department.Id, ct))
        {
            department.Retire();
        }
        else
        {
            ctx.Db.Departments.Remove(department);
        }

        ctx.Audit.Record(AuditActions.DeptRemoved, department.Name);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(new Reply(ctx.T.DeptRemoved(department.Name, people.Count, target.Name, stages.Count(s => !s.IsRetired))
                + (tasks == 0 ? "" : "\n" + ctx.T.DeptRemovedTasks(tasks)),
            [[Button.Callback(ctx.T.DeptListButton, $"{ShowDepartments.Prefix}:l")]]));
    }
}

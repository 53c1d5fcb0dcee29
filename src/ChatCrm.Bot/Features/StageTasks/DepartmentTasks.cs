using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.StageTasks;

/// <summary>
/// A department that goes leaves no work owed to nobody. Its stages return to the deals' managers (RemoveDepartment), so
/// its open tasks follow the stages there: each deal's manager holds the task, sees it in /tasks with its buttons and is
/// told. (Handing them to the department its people join would give them tasks on deals that department cannot see:
/// staff see deals by the stages their department owns.)
/// </summary>
internal static class DepartmentTasks
{
    public static Task<int> OpenCountAsync(ChatCrmDbContext db, long departmentId, CancellationToken ct) =>
        db.StageTasks.CountAsync(t => t.DepartmentId == departmentId
            && (t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork), ct);

    /// <summary>Reassigns the department's open tasks to the deals' managers; returns how many.</summary>
    public static async Task<int> HandToManagersAsync(BotContext ctx, Department department, CancellationToken ct)
    {
        var tasks = await ctx.Db.StageTasks.Where(t => t.DepartmentId == department.Id
            && (t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork)).ToListAsync(ct);
        foreach (var task in tasks)
        {
            task.Reassign(null, null);
            ctx.Audit.Record(AuditActions.TaskReassigned, $"deal #{task.DealId}", department.Name, "-");
            var deal = await ctx.Db.Deals.FirstAsync(d => d.Id == task.DealId, ct);
            if (await ctx.Db.Users.FirstOrDefaultAsync(u => u.Id == deal.OwnerUserId && u.IsActive, ct) is { } manager)
            {
                var card = await TaskViews.CardAsync(ctx.Db, task, deal, ct) with { Owner = manager.DisplayName };
                if (manager.Id == ctx.User.Id)
                {
                    ctx.Reply(new Reply(TaskViews.CardText(ctx.T, card), TaskViews.Buttons(ctx.T, task, card.Next)));
                }
                else
                {
                    ctx.Notify(manager, t => new Reply(TaskViews.CardText(t, card), TaskViews.Buttons(t, task, card.Next)), ctx.T.Language);
                }
            }
        }

        return tasks.Count;
    }
}

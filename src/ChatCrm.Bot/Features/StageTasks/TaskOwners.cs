using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.StageTasks;

/// <summary>
/// A stage given to another side takes its open tasks along: otherwise they would be owed by people who no longer see
/// the deals (staff see deals by the stages their department owns). A stage given back to the managers hands its open
/// tasks to each deal's manager, as a removed department does. The new holders get the card with its buttons.
/// </summary>
internal static class TaskOwners
{
    public static async Task<int> FollowStageAsync(BotContext ctx, Stage stage, CancellationToken ct)
    {
        var tasks = await ctx.Db.StageTasks.Where(t => t.StageId == stage.Id
            && (t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork)).ToListAsync(ct);
        var moved = 0;
        foreach (var task in tasks.Where(t => t.DepartmentId != stage.OwnerDepartmentId || t.UserId != stage.OwnerUserId))
        {
            var before = await TaskViews.HolderNameAsync(ctx.Db, task, ct);
            task.Reassign(stage.OwnerDepartmentId, stage.OwnerUserId);
            var deal = await ctx.Db.Deals.FirstAsync(d => d.Id == task.DealId, ct);
            var card = await TaskViews.CardAsync(ctx.Db, task, deal, ct);
            ctx.Audit.Record(AuditActions.TaskReassigned, $"deal #{deal.Id}", before, card.Owner);
            foreach (var person in (await TaskViews.HoldersAsync(ctx.Db, task, deal, ct)).Where(p => p.Id != ctx.User.Id))
            {
                ctx.Notify(person, t => new Reply(TaskViews.CardText(t, card), TaskViews.Buttons(t, task, card.Next)), ctx.T.Language);
            }

            moved++;
        }

        return moved;
    }
}

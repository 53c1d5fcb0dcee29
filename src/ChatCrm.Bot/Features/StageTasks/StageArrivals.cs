using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.StageTasks;

/// <summary>
/// The one place a deal's stage tasks follow the deal: every path that changes where a deal is (a move, its buttons,
/// /deal, a reopening, an undo, a win or a loss, a removed stage) calls <see cref="FollowAsync"/> once the deal is where
/// it now is. An open task of a stage the deal is no longer at (or of a closed deal) is cancelled; a deal at a stage a
/// department or a person owns gets a task, and that side is told with the deal's card and the task's buttons.
/// Idempotent: calling it twice makes nothing twice.
/// </summary>
internal static class StageArrivals
{
    /// <summary>What one call did, for replies that count (a removed stage).</summary>
    public readonly record struct Followed(int Cancelled, int Opened)
    {
        public static Followed operator +(Followed a, Followed b) => new(a.Cancelled + b.Cancelled, a.Opened + b.Opened);
    }

    /// <param name="tellManager">
    /// False when the caller tells the deal's manager itself (a finished or handed-back task says where the deal went).
    /// </param>
    public static async Task<Followed> FollowAsync(BotContext ctx, Deal deal, CancellationToken ct, bool tellManager = true)
    {
        var open = (await ctx.Db.StageTasks.Where(t => t.DealId == deal.Id
                && (t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork)).ToListAsync(ct))
            .Where(t => t.IsOpen).ToList(); // a task closed earlier in this update is tracked, not yet saved
        var stage = deal.IsOpen ? await ctx.Db.Stages.FirstAsync(s => s.Id == deal.StageId, ct) : null;
        var cancelled = 0;
        foreach (var task in open.Where(t => stage is null || t.StageId != stage.Id))
        {
            var why = deal.Status switch
            {
                DealStatus.Won => ctx.T.TaskCancelWon,
                DealStatus.Lost => ctx.T.TaskCancelLost,
                _ => ctx.T.TaskCancelMoved,
            };
            await CancelAsync(ctx, deal, task, why, ct);
            cancelled++;
        }

        if (stage is null || (stage.OwnerDepartmentId is null && stage.OwnerUserId is null) || open.Any(t => t.StageId == stage.Id))
        {
            return new Followed(cancelled, 0);
        }

        var created = StageTask.Open(deal.Id, stage, ctx.Now);
        ctx.Db.StageTasks.Add(created);
        await ctx.Db.SaveChangesAsync(ct); // the task's number goes into its buttons
        var owner = await TaskViews.HolderNameAsync(ctx.Db, created, ct);
        ctx.Audit.Record(AuditActions.TaskOpened, $"deal #{deal.Id}", stage.Name, owner);
        var people = await TaskViews.HoldersAsync(ctx.Db, created, deal, ct);
        var card = await TaskViews.CardAsync(ctx.Db, created, deal, ct);
        foreach (var person in people.Where(p => p.Id != ctx.User.Id))
        {
            ctx.Notify(person, t => new Reply(TaskViews.CardText(t, card), TaskViews.Buttons(t, created, card.Next)), ctx.T.Language);
        }

        if (people.Any(p => p.Id == ctx.User.Id))
        {
            ctx.Reply(new Reply(TaskViews.CardText(ctx.T, card), TaskViews.Buttons(ctx.T, created, card.Next)));
        }

        if (deal.OwnerUserId == ctx.User.Id)
        {
            ctx.Reply(new Reply(ctx.T.TaskSent(deal.Id, BuiltInNames.Show(stage.Name, ctx.T.Language), owner, people.Count)));
        }
        else if (tellManager && await ctx.Db.Users.FirstOrDefaultAsync(u => u.Id == deal.OwnerUserId && u.IsActive, ct) is { } manager
                 && people.All(p => p.Id != manager.Id))
        {
            ctx.Notify(manager, t => new Reply(t.TaskArrivedForManager(deal.Id, deal.Title, BuiltInNames.Show(stage.Name, t.Language), owner)), ctx.T.Language);
        }

        return new Followed(cancelled, 1);
    }

    /// <summary>/undo of /deal removes the deal: the task its opening made goes with it (it was never owed).</summary>
    public static async Task ForgetAsync(BotContext ctx, long dealId, CancellationToken ct) =>
        ctx.Db.StageTasks.RemoveRange(await ctx.Db.StageTasks.Where(t => t.DealId == dealId).ToListAsync(ct));

    /// <summary>The deal left the stage: the task is no longer owed; whoever had taken it is told.</summary>
    private static async Task CancelAsync(BotContext ctx, Deal deal, StageTask task, string why, CancellationToken ct)
    {
        var taker = task.TakenByUserId;
        task.Cancel(ctx.User.Id, ctx.Now, why);
        ctx.Audit.Record(AuditActions.TaskCancelled, $"deal #{deal.Id}", task.StageName, why);
        if (taker is { } id && id != ctx.User.Id && await ctx.Db.Users.FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct) is User person)
        {
            ctx.Notify(person, t => new Reply(t.TaskCancelledForTaker(deal.Id, deal.Title, BuiltInNames.Show(task.StageName, t.Language))), ctx.T.Language);
        }
    }
}

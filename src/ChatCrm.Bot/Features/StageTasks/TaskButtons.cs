using System.Globalization;
using ChatCrm.Bot.Features.Deals;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.StageTasks;

/// <summary>
/// The buttons under a task (<c>tk:&lt;task&gt;:take|done|back</c>). Only the side that owes the work may press them, and
/// only while the task is open and the deal still at its stage: a forged, forwarded or stale button gets a toast and
/// changes nothing. «Done» moves the deal on to the next live stage the way /move does (history, undo, audit, and a task
/// for the next side if that stage is owned too); «back» asks for a comment and returns the deal to the stage before.
/// The deal's manager is told each step, in their language.
/// </summary>
internal sealed class TaskButtons : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        ctx.User.EndDialog();
        if (args.Count != 2 || DealViews.IdAt(args, 0) is not { } id)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (await LoadAsync(ctx, id, toast: true, ct) is not var (task, deal))
        {
            return;
        }

        switch (args[1])
        {
            case TaskViews.Take:
                await TakeAsync(ctx, task, deal, ct);
                break;
            case TaskViews.Done:
                await DoneAsync(ctx, task, deal, ct);
                break;
            case TaskViews.Back:
                var back = await TaskViews.PreviousStageAsync(ctx.Db, deal, ct);
                ctx.Ask(ListTasks.Name, $"{ListTasks.BackWord} {task.Id.ToString(CultureInfo.InvariantCulture)}",
                    new Reply(ctx.T.TaskAskComment(deal.Id, BuiltInNames.Show(task.StageName, ctx.T.Language), back is null ? null : BuiltInNames.Show(back.Name, ctx.T.Language)),
                        [[Dialogs.Cancel(ctx.T)]]));
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }

    /// <summary>
    /// The task and its deal when the user may act on it; otherwise null, with a toast for a button (<paramref name="toast"/>)
    /// or a reply for a typed answer. A stranger's attempt is audited as a refusal.
    /// </summary>
    public static async Task<(StageTask Task, Deal Deal)?> LoadAsync(BotContext ctx, long id, bool toast, CancellationToken ct)
    {
        var task = await ctx.Db.StageTasks.FirstOrDefaultAsync(t => t.Id == id, ct);
        var deal = task is null ? null : await ctx.Db.Deals.FirstOrDefaultAsync(d => d.Id == task.DealId, ct);
        string? refusal = null;
        if (task is null || deal is null)
        {
            refusal = ctx.T.StaleButton();
        }
        else if (!TaskViews.Holds(ctx.User, task, deal))
        {
            ctx.Audit.Record(AuditActions.AccessDenied, $"task #{id}", null, $"deal #{deal.Id}");
            refusal = ctx.T.TaskNotYours;
        }
        else if (!task.IsOpen || !deal.IsOpen || deal.StageId != task.StageId)
        {
            refusal = ctx.T.TaskGone;
        }

        if (refusal is null)
        {
            return (task!, deal!);
        }

        if (toast)
        {
            ctx.CallbackToast = refusal;
        }
        else
        {
            ctx.Reply(Html.Escape(refusal));
        }

        return null;
    }

    private static async Task TakeAsync(BotContext ctx, StageTask task, Deal deal, CancellationToken ct)
    {
        if (task.Status != StageTaskStatus.Waiting)
        {
            ctx.CallbackToast = ctx.T.TaskAlreadyTaken;
            return;
        }

        task.Take(ctx.User.Id, ctx.Now);
        ctx.Audit.Record(AuditActions.TaskTaken, $"deal #{deal.Id}", task.StageName, ctx.User.DisplayName);
        var card = await TaskViews.CardAsync(ctx.Db, task, deal, ct);
        ctx.Show(new Reply(TaskViews.CardText(ctx.T, card), TaskViews.Buttons(ctx.T, task, card.Next)));
        await TellManagerAsync(ctx, deal, t => new Reply(t.TaskTakenForManager(deal.Id, deal.Title, BuiltInNames.Show(task.StageName, t.Language),
            ctx.User.DisplayName, card.Owner)), ct);
    }

    private static async Task DoneAsync(BotContext ctx, StageTask task, Deal deal, CancellationToken ct)
    {
        var next = await TaskViews.NextStageAsync(ctx.Db, deal, ct);
        task.Finish(ctx.User.Id, ctx.Now);
        ctx.Audit.Record(AuditActions.TaskDone, $"deal #{deal.Id}", task.StageName, next?.Name);
        if (next is not null)
        {
            await MoveAsync(ctx, deal, next, ct);
        }

        var stage = BuiltInNames.Show(task.StageName, ctx.T.Language);
        ctx.Show(new Reply(ctx.T.TaskDone(deal.Id, deal.Title, stage, next is null ? null : BuiltInNames.Show(next.Name, ctx.T.Language))));
        await TellManagerAsync(ctx, deal, t => new Reply(
            t.TaskDoneForManager(deal.Id, deal.Title, BuiltInNames.Show(task.StageName, t.Language), ctx.User.DisplayName,
                next is null ? null : BuiltInNames.Show(next.Name, t.Language)),
            next is null ? [[Button.Callback(t.WonButton, $"{DealViews.Win}:{deal.Id}"), Button.Callback(t.LostButton, $"{DealViews.Lose}:{deal.Id}")]] : null), ct);
    }

    /// <summary>The typed comment of «back» (through /tasks): the task closes as returned and the deal goes to the stage before.</summary>
    public static async Task ReturnAsync(BotContext ctx, long id, string comment, CancellationToken ct)
    {
        if (await LoadAsync(ctx, id, toast: false, ct) is not var (task, deal))
        {
            return;
        }

        var back = await TaskViews.PreviousStageAsync(ctx.Db, deal, ct);
        task.Return(ctx.User.Id, comment, ctx.Now);
        ctx.Audit.Record(AuditActions.TaskReturned, $"deal #{deal.Id}", task.StageName, task.Comment);
        if (back is not null)
        {
            await MoveAsync(ctx, deal, back, ct);
        }

        ctx.Reply(ctx.T.TaskReturned(deal.Id, deal.Title, back is null ? null : BuiltInNames.Show(back.Name, ctx.T.Language)));
        var stageId = task.StageId;
        await TellManagerAsync(ctx, deal, t => new Reply(
            t.TaskReturnedForManager(deal.Id, deal.Title, BuiltInNames.Show(task.StageName, t.Language), ctx.User.DisplayName, task.Comment ?? "",
                back is null ? null : BuiltInNames.Show(back.Name, t.Language)),
            back is null ? null : [[Button.Callback(t.TaskResendButton, $"{DealViews.Move}:{deal.Id}:{stageId}")]]), ct);
    }

    /// <summary>
    /// The deal moves as /move moves it — its history row, the mover's undo, the audit — and then its tasks follow, so
    /// a next stage owned by another side gets its task. The manager hears about it from the caller, once.
    /// </summary>
    private static async Task MoveAsync(BotContext ctx, Deal deal, Stage to, CancellationToken ct)
    {
        await MoveDeal.ApplyAsync(ctx, deal, await DealViews.StageAsync(ctx, deal, ct), to, ct);
        await StageArrivals.FollowAsync(ctx, deal, ct, tellManager: false);
    }

    private static async Task TellManagerAsync(BotContext ctx, Deal deal, Func<Texts, Reply> compose, CancellationToken ct)
    {
        if (deal.OwnerUserId != ctx.User.Id && await ctx.Db.Users.FirstOrDefaultAsync(u => u.Id == deal.OwnerUserId && u.IsActive, ct) is { } manager)
        {
            ctx.Notify(manager, compose, ctx.T.Language);
        }
    }
}

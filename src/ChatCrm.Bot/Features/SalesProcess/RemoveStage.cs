using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// /stage remove &lt;stage&gt; [to &lt;stage&gt;]: the stage is retired, never deleted, so history and reports keep
/// its name. Its open deals must go somewhere: without a target the bot asks with buttons. Each moved deal
/// gets its stage-change row, written with the old name, in the same transaction.
/// </summary>
internal static class RemoveStage
{
    public static async Task RunAsync(BotContext ctx, StageScope scope, string args, CancellationToken ct)
    {
        var (stage, targetText) = Read(scope, args);
        if (stage is null)
        {
            if (args.Trim().Length == 0)
            {
                ctx.Reply(ctx.T.HowToUse("stage"));
            }
            else
            {
                var query = targetText is null ? args : Before(args);
                StageCommand.AskWhichStage(ctx, scope, query, "remove {0}" + (targetText is null ? "" : $" to {targetText}"));
            }

            return;
        }

        if (scope.Live.Count == 1)
        {
            throw new DomainException(DomainError.LastStage, stage.Name);
        }

        var open = await ctx.Db.Deals.Where(d => d.StageId == stage.Id && d.Status == DealStatus.Open).ToListAsync(ct);
        var stageRef = ProcessArgs.Ref('s', stage.Id);
        var others = scope.Live.Where(s => !ReferenceEquals(s, stage)).ToList();
        Stage? target = null;
        if (open.Count > 0)
        {
            target = targetText is null ? null : scope.Find(targetText);
            if (target is null || ReferenceEquals(target, stage))
            {
                var question = targetText is null || ReferenceEquals(target, stage)
                    ? ctx.T.AskRemoveTarget(stage.Name, open.Count)
                    : ctx.T.StageNotFound(targetText, scope.Cycle.Name);
                ctx.AskChoice("stage", $"remove {stageRef} to {{0}}", question,
                    others.Select(s => (s.Name, ProcessArgs.Ref('s', s.Id))));
                return;
            }
        }

        var name = stage.Name;
        StageOrder.Retire(scope.Stages, stage);
        var tasks = new StageArrivals.Followed(0, 0);
        foreach (var deal in open)
        {
            ctx.Db.StageChanges.Add(deal.MoveTo(target!, ctx.Now, ctx.User.Id));
            tasks += await StageArrivals.FollowAsync(ctx, deal, ct); // the stage's open task closes; the target's owner gets one
        }

        ctx.Audit.Record(AuditActions.StageRemoved, $"{scope.Cycle.Name}: {name}", $"{open.Count} open", target?.Name);
        ctx.Reply(new Reply(ctx.T.StageRemoved(name, open.Count, target?.Name ?? "")
            + (tasks.Cancelled + tasks.Opened == 0 ? "" : "\n" + ctx.T.StageRemovedTasks(tasks.Cancelled, tasks.Opened, target?.Name ?? "")),
            [[Button.Callback(ctx.T.FunnelButton, $"stg:f:{scope.Cycle.Id}")]]));
    }

    /// <summary>
    /// The stage and the target's text. «в»/«на» are also ordinary words in names, so a whole-text match
    /// wins, and otherwise each split is kept only if the text before it names a stage.
    /// </summary>
    private static (Stage? Stage, string? Target) Read(StageScope scope, string args)
    {
        if (scope.Find(args) is { } whole)
        {
            return (whole, null);
        }

        var words = ProcessArgs.Words(args);
        for (var i = words.Length - 2; i >= 1; i--)
        {
            if (ProcessArgs.To.Contains(words[i], StringComparer.OrdinalIgnoreCase)
                && scope.Find(string.Join(' ', words[..i])) is { } stage)
            {
                return (stage, string.Join(' ', words[(i + 1)..]));
            }
        }

        var to = Array.FindIndex(words, w => ProcessArgs.To.Contains(w, StringComparer.OrdinalIgnoreCase));
        return (null, to > 0 && to < words.Length - 1 ? string.Join(' ', words[(to + 1)..]) : null);
    }

    private static string Before(string args)
    {
        var words = ProcessArgs.Words(args);
        var to = Array.FindIndex(words, w => ProcessArgs.To.Contains(w, StringComparer.OrdinalIgnoreCase));
        return to > 0 ? string.Join(' ', words[..to]) : args;
    }
}

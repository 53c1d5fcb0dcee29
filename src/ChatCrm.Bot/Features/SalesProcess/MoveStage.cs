using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>/stage move &lt;stage&gt; &lt;position&gt;: the others shift so positions stay 1..n; outside the cycle is refused.</summary>
internal static class MoveStage
{
    public static Task RunAsync(BotContext ctx, StageScope scope, string args, CancellationToken ct)
    {
        var words = ProcessArgs.Words(args);
        var position = words.Length >= 2 ? ProcessArgs.Number(words[^1]) : null;
        if (position is null)
        {
            ctx.Reply(ctx.T.HowToUse("stage"));
            return Task.CompletedTask;
        }

        var name = string.Join(' ', words[..^1]);
        if (scope.Find(name) is not { } stage)
        {
            StageCommand.AskWhichStage(ctx, scope, name, $"move {{0}} {position}");
            return Task.CompletedTask;
        }

        var count = scope.Live.Count;
        if (position < 1 || position > count)
        {
            ctx.Reply(ctx.T.StagePositionOutside(position.Value, count, scope.Cycle.Name));
            return Task.CompletedTask;
        }

        var from = stage.Position;
        StageOrder.Place(scope.Stages, stage, position.Value);
        ctx.Audit.Record(AuditActions.StageMoved, stage.Name, StageCommand.N(from), StageCommand.N(stage.Position));
        ctx.Reply(new Reply(ctx.T.StageMoved(stage.Name, from, stage.Position),
            [[Button.Callback(ctx.T.FunnelButton, $"stg:f:{scope.Cycle.Id}")]]));
        return Task.CompletedTask;
    }
}

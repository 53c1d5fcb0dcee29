using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>/stage rename &lt;stage&gt; &lt;new name&gt;: history keeps the old name (stage changes copy names when written).</summary>
internal static class RenameStage
{
    public static Task RunAsync(BotContext ctx, StageScope scope, string args, CancellationToken ct)
    {
        var (stage, newName) = scope.FindAtStart(args);
        if (stage is null)
        {
            var words = ProcessArgs.Words(args);
            if (words.Length == 0)
            {
                ctx.Reply(ctx.T.HowToUse("stage"));
            }
            else
            {
                StageCommand.AskWhichStage(ctx, scope, words[0], $"rename {{0}} {string.Join(' ', words[1..])}");
            }

            return Task.CompletedTask;
        }

        if (newName.Length == 0)
        {
            ctx.Ask("stage", $"rename {ProcessArgs.Ref('s', stage.Id)}", ctx.T.AskStageName(stage.Name));
            return Task.CompletedTask;
        }

        if (StageCommand.NameTaken(scope, newName, except: stage))
        {
            ctx.Reply(ctx.T.StageDuplicate(newName, scope.Cycle.Name));
            return Task.CompletedTask;
        }

        var before = stage.Name;
        stage.Rename(newName);
        ctx.Audit.Record(AuditActions.StageRenamed, scope.Cycle.Name, before, stage.Name);
        ctx.Reply(new Reply(ctx.T.StageRenamed(before, stage.Name),
            [[Button.Callback(ctx.T.FunnelButton, $"stg:f:{scope.Cycle.Id}")]]));
        return Task.CompletedTask;
    }
}

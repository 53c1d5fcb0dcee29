using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>/stage add &lt;name&gt; [after &lt;stage&gt;] [days &lt;N&gt;] [prob &lt;P&gt;]: a new stage, at the end unless placed after another.</summary>
internal static class AddStage
{
    public static async Task RunAsync(BotContext ctx, StageScope scope, string args, CancellationToken ct)
    {
        var (name, values) = ProcessArgs.Split(args, ProcessArgs.After, ProcessArgs.Days, ProcessArgs.Prob);
        if (name.Length == 0)
        {
            ctx.Ask("stage", $"add {{0}} {args} cycle {ProcessArgs.Ref('y', scope.Cycle.Id)}", ctx.T.AskNewStageName());
            return;
        }

        if (StageCommand.NameTaken(scope, name))
        {
            ctx.Reply(ctx.T.StageDuplicate(name, scope.Cycle.Name));
            return;
        }

        var live = scope.Live;
        var position = live.Count + 1;
        if (values.TryGetValue(ProcessArgs.After, out var afterName))
        {
            if (scope.Find(afterName) is not { } after)
            {
                var others = string.Join(' ', values.Where(v => v.Key != ProcessArgs.After).Select(v => $"{v.Key[0]} {v.Value}"));
                StageCommand.AskWhichStage(ctx, scope, afterName, $"add {name} after {{0}} {others} cycle {ProcessArgs.Ref('y', scope.Cycle.Id)}");
                return;
            }

            position = after.Position + 1;
        }

        int? days = null;
        if (values.TryGetValue(ProcessArgs.Days, out var daysText) && !ProcessArgs.TryDays(daysText, out days))
        {
            throw new DomainException(DomainError.InvalidDays, daysText);
        }

        var previous = live.FirstOrDefault(s => s.Position == position - 1);
        var next = live.FirstOrDefault(s => s.Position == position);
        // Without a probability the new stage sits between its neighbours, as the funnel narrows.
        var probability = ((previous?.Probability ?? 0) + (next?.Probability ?? 100)) / 2;

        if (values.TryGetValue(ProcessArgs.Prob, out var probText))
        {
            probability = ProcessArgs.Number(probText) ?? throw new DomainException(DomainError.InvalidProbability, probText);
        }

        var stage = Stage.Create(scope.Cycle.Id, name, position, probability, days);
        scope.Stages.Add(stage);
        ctx.Db.Stages.Add(stage);
        StageOrder.Place(scope.Stages, stage, position);
        ctx.Audit.Record(AuditActions.StageAdded, $"{scope.Cycle.Name}: {stage.Name}", null, $"#{stage.Position}, {stage.Probability}%, {stage.DaysAllowed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        ctx.Reply(new Reply(ctx.T.StageAdded(stage.Name, stage.Position, scope.Cycle.Name, stage.Probability, stage.DaysAllowed),
            [[Button.Callback(ctx.T.FunnelButton, $"stg:f:{scope.Cycle.Id}")]]));
    }
}

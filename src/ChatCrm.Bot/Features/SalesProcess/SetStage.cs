using System.Globalization;
using ChatCrm.Bot.Features.Departments;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// /stage set &lt;stage&gt; days &lt;N&gt; | prob &lt;P&gt; | owner &lt;dept|person|none&gt;: how long a deal may stay, the chance to
/// win that weights the forecast, and who is responsible for the stage (<see cref="StageOwnership"/>).
/// </summary>
internal static class SetStage
{
    public static async Task RunAsync(BotContext ctx, StageScope scope, string args, CancellationToken ct)
    {
        var (name, values) = ProcessArgs.Split(args, ProcessArgs.Days, ProcessArgs.Prob, StageOwnership.Owner);
        if (name.Length == 0 || values.Count == 0)
        {
            ctx.Reply(ctx.T.HowToUse("stage"));
            return;
        }

        if (scope.Find(name) is not { } stage)
        {
            var rest = string.Join(' ', values.Select(v => $"{v.Key[0]} {v.Value}"));
            StageCommand.AskWhichStage(ctx, scope, name, $"set {{0}} {rest}");
            return;
        }

        List<string> done = [];
        if (values.TryGetValue(StageOwnership.Owner, out var ownerText))
        {
            if (await StageOwnership.SetAsync(ctx, stage, ownerText, ct) is not { } said)
            {
                return;
            }

            done.Add(said);
        }

        if (values.TryGetValue(ProcessArgs.Days, out var daysText))
        {
            if (!ProcessArgs.TryDays(daysText, out var days))
            {
                throw new DomainException(DomainError.InvalidDays, daysText);
            }

            var before = stage.DaysAllowed;
            stage.SetDaysAllowed(days);
            ctx.Audit.Record(AuditActions.StageDays, stage.Name, Show(before), Show(stage.DaysAllowed));
            done.Add(ctx.T.StageDaysSet(stage.Name, stage.DaysAllowed));
        }

        if (values.TryGetValue(ProcessArgs.Prob, out var probText))
        {
            var probability = ProcessArgs.Number(probText) ?? throw new DomainException(DomainError.InvalidProbability, probText);
            var before = stage.Probability;
            stage.SetProbability(probability);
            ctx.Audit.Record(AuditActions.StageProbability, stage.Name, Show(before), Show(stage.Probability));
            done.Add(ctx.T.StageProbabilitySet(stage.Name, stage.Probability));
        }

        ctx.Reply(new Reply(string.Join('\n', done), [[Button.Callback(ctx.T.FunnelButton, $"stg:f:{scope.Cycle.Id}")]]));
    }

    private static string Show(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";
}

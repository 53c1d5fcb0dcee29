using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// /stage add|rename|move|set|remove …: finds the cycle (<c>cycle &lt;name&gt;</c>, the stage's own when a
/// button passed <c>#s12</c>, else the default one) and hands over to the use case.
/// </summary>
internal sealed class StageCommand : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var (verb, rest) = ProcessArgs.Verb(args);
        var use = verb switch
        {
            "add" or "добавить" or "new" or "новый" => (Func<BotContext, StageScope, string, CancellationToken, Task>?)AddStage.RunAsync,
            "rename" or "переименовать" => RenameStage.RunAsync,
            "move" or "переместить" or "двигать" => MoveStage.RunAsync,
            "set" or "задать" or "изменить" => SetStage.RunAsync,
            "remove" or "убрать" or "удалить" or "delete" => RemoveStage.RunAsync,
            _ => null,
        };
        if (use is null)
        {
            ctx.Reply(ctx.T.HowToUse("stage"));
            return;
        }

        var (cycleName, withoutCycle) = TakeCycle(rest);
        var live = await Cycles.LiveAsync(ctx, ct);
        var cycle = ProcessArgs.Words(withoutCycle).FirstOrDefault(w => ProcessArgs.Id(w, 's') is not null) is { } stageRef && cycleName is null
            ? await Cycles.OfStageAsync(ctx, ProcessArgs.Id(stageRef, 's')!.Value, ct)
            : Cycles.Find(live, cycleName);
        if (cycle is null)
        {
            ctx.Reply(ctx.T.CycleNotFound(cycleName ?? ""));
            return;
        }

        await use(ctx, await Cycles.ScopeAsync(ctx, cycle, ct), withoutCycle, ct);
    }

    /// <summary>Cuts <c>cycle &lt;name&gt;</c> out of the arguments; the name runs to the next keyword or the end.</summary>
    private static (string? Cycle, string Remainder) TakeCycle(string args)
    {
        var words = ProcessArgs.Words(args);
        var at = Array.FindIndex(words, w => ProcessArgs.Cycle.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (at < 0)
        {
            return (null, args.Trim());
        }

        string[][] others = [ProcessArgs.After, ProcessArgs.Days, ProcessArgs.Prob, ProcessArgs.To];
        var end = at + 1;
        while (end < words.Length && !others.Any(k => k.Contains(words[end], StringComparer.OrdinalIgnoreCase)))
        {
            end++;
        }

        var name = string.Join(' ', words[(at + 1)..end]);
        return (name, string.Join(' ', words[..at].Concat(words[end..])));
    }

    /// <summary>Offers the cycle's stages as buttons when a name matched none; the pick re-runs the command.</summary>
    public static void AskWhichStage(BotContext ctx, StageScope scope, string query, string argsTemplate) =>
        ctx.AskChoice("stage", argsTemplate, ctx.T.StageNotFound(query, scope.Cycle.Name),
            ProcessArgs.Suggest(scope.Live, s => s.Name, query).Select(s => (s.Name, ProcessArgs.Ref('s', s.Id))));

    /// <summary>Stage names are unique within a cycle among live stages, whatever the case.</summary>
    public static bool NameTaken(StageScope scope, string name, Stage? except = null) =>
        scope.Live.Any(s => !ReferenceEquals(s, except) && ProcessArgs.Same(s.Name, name));

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}

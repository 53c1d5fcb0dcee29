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
        if (verb is "add" or "добавить" or "new" or "новый" && cycleName is null)
        {
            // «/stage add Тендеры Подача заявки»: a stage of cycle Тендеры, or a stage with the whole name?
            var answer = withoutCycle.StartsWith("!c ", StringComparison.Ordinal) ? 'c' : withoutCycle.StartsWith("!n ", StringComparison.Ordinal) ? 'n' : '\0';
            withoutCycle = answer == '\0' ? withoutCycle : withoutCycle[3..];
            if (answer != 'n' && LeadingCycle(live, withoutCycle) is var (named, stageArgs))
            {
                if (answer == 'c')
                {
                    (cycleName, withoutCycle) = (ProcessArgs.Ref('y', named.Id), stageArgs);
                }
                else
                {
                    AskCycleOrLongName(ctx, live, named, withoutCycle, stageArgs);
                    return;
                }
            }
        }

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

    /// <summary>A live cycle named by the first words of a new stage's arguments, and the arguments after them.</summary>
    private static (SalesCycle Cycle, string StageArgs)? LeadingCycle(IReadOnlyList<SalesCycle> live, string args)
    {
        var words = ProcessArgs.Words(args);
        for (var k = Math.Min(words.Length - 1, 4); k >= 1; k--)
        {
            var head = string.Join(' ', words[..k]);
            if (live.FirstOrDefault(c => ProcessArgs.Same(c.Name, head)) is { } cycle)
            {
                return (cycle, string.Join(' ', words[k..]));
            }
        }

        return null;
    }

    private static void AskCycleOrLongName(BotContext ctx, IReadOnlyList<SalesCycle> live, SalesCycle named, string args, string stageArgs)
    {
        var stage = ProcessArgs.Split(stageArgs, ProcessArgs.After, ProcessArgs.Days, ProcessArgs.Prob).Head;
        var longName = ProcessArgs.Split(args, ProcessArgs.After, ProcessArgs.Days, ProcessArgs.Prob).Head;
        var fallback = Cycles.Find(live, null)!;
        ctx.AskChoice("stage", $"add !{{0}} {args}", ctx.T.StageCycleOrLongName(named.Name, stage, longName, fallback.Name),
            [($"1) «{stage}» → {named.Name}", "c"), ($"2) «{longName}» → {fallback.Name}", "n")], perRow: 1);
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

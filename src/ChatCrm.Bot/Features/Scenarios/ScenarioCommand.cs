using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Features.Deals;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Scenarios;

/// <summary>
/// /scenario [&lt;stage&gt; [#segment] [add|remove|move …]]: the typical steps of a stage, optionally per segment. Anyone
/// may look (managers follow the steps); heads and admins write them. Bare, it lists the stages as buttons; a stage or
/// segment it cannot read gets buttons; a verb it cannot read gets «how to write». Nothing changes on unclear input.
/// </summary>
internal sealed partial class ScenarioCommand : ICommandHandler
{
    public const string Name = "scenario";

    private static readonly string[] Add = ["add", "добавить", "+"];
    private static readonly string[] Remove = ["remove", "удалить", "убрать", "delete", "-"];
    private static readonly string[] Move = ["move", "переставить", "переместить"];
    private static readonly string[] Required = ["required", "обязательно", "обязательный", "обязательная", "обяз", "!"];

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var words = ProcessArgs.Words(args);
        var verbAt = Array.FindIndex(words, w => Add.Concat(Remove).Concat(Move).Contains(w, StringComparer.OrdinalIgnoreCase));
        var head = verbAt < 0 ? words : words[..verbAt];
        var verb = verbAt < 0 ? "" : words[verbAt].ToLowerInvariant();
        var rest = verbAt < 0 ? [] : words[(verbAt + 1)..];
        var tail = verbAt < 0 ? "" : " " + string.Join(' ', words[verbAt..]);

        var live = await LiveStagesAsync(ctx, ct);
        if (head.Length == 0)
        {
            await ListStagesAsync(ctx, live, ct, tail);
            return;
        }

        var segmentAt = Array.FindIndex(head, w => w.StartsWith('#') && ProcessArgs.Id(w, 's') is null);
        var stageText = string.Join(' ', segmentAt < 0 ? head : head[..segmentAt]);
        var segmentText = segmentAt < 0 ? "" : string.Join(' ', head[segmentAt..]);
        var stage = ProcessArgs.Id(stageText, 's') is { } stageId ? live.FirstOrDefault(s => s.Id == stageId) : DealViews.Resolve(stageText, live);
        if (stage is null)
        {
            var suffix = (segmentText.Length == 0 ? "" : " " + segmentText) + tail;
            ctx.AskChoice(Name, "{0}" + suffix, ctx.T.ScenarioStageNotFound(stageText),
                ProcessArgs.Suggest(live, s => ctx.Shown(s.Name), stageText).Take(12).Select(s => (ctx.Shown(s.Name), ProcessArgs.Ref('s', s.Id))));
            return;
        }

        var stageRef = ProcessArgs.Ref('s', stage.Id);
        var (found, segment) = await SegmentArgument.ReadAsync(ctx, Name, segmentText, ct, stageRef + " {0}" + tail);
        if (!found)
        {
            return;
        }

        var scope = new Scope(stage, segment);
        if (verb.Length == 0)
        {
            await ShowAsync(ctx, scope, ct);
            return;
        }

        if (!ctx.User.Role.Includes(Role.Head))
        {
            ctx.Reply(ctx.T.ScenarioOnlyHeads());
            return;
        }

        var steps = await OwnStepsAsync(ctx, scope, ct);
        if (Add.Contains(verb))
        {
            await AddAsync(ctx, scope, steps, rest, ct);
        }
        else if (Remove.Contains(verb) && rest.Length == 1 && Number(rest[0]) is { } n)
        {
            await RemoveAsync(ctx, scope, steps, n, ct);
        }
        else if (Move.Contains(verb) && rest.Length == 2 && Number(rest[0]) is { } from && Number(rest[1]) is { } to)
        {
            await MoveAsync(ctx, scope, steps, from, to, ct);
        }
        else
        {
            ctx.Reply(ctx.T.HowToWrite(Name));
        }
    }

    /// <summary>The stage (and segment) a command is about, and how it is written back in a command.</summary>
    private sealed record Scope(Stage Stage, Segment? Segment)
    {
        public long? SegmentId => Segment?.Id;

        public string Ref => ProcessArgs.Ref('s', Stage.Id) + (Segment is null ? "" : " " + ProcessArgs.Ref('g', Segment.Id));

        /// <summary>As stored, for the audit: names as they are called now, never translated.</summary>
        public string Stored => Stage.Name + (Segment is null ? "" : " #" + Segment.Name);

        public string Shown(Language language) => BuiltInNames.Show(Stage.Name, language) + (Segment is null ? "" : " #" + Segment.Name);
    }

    private static async Task<IReadOnlyList<Stage>> LiveStagesAsync(BotContext ctx, CancellationToken ct)
    {
        var cycles = await ctx.Db.Cycles.Where(c => !c.IsRetired).OrderByDescending(c => c.IsDefault).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var stages = await ctx.Db.Stages.Where(s => !s.IsRetired && cycles.Contains(s.CycleId)).ToListAsync(ct);
        return [.. cycles.SelectMany(c => StageOrder.Live(stages.Where(s => s.CycleId == c).ToList()))];
    }

    /// <summary>Bare /scenario: each live stage with the number of its general steps, as buttons.</summary>
    private static async Task ListStagesAsync(BotContext ctx, IReadOnlyList<Stage> live, CancellationToken ct, string tail)
    {
        var ids = live.Select(s => s.Id).ToList();
        var counts = await ctx.Db.ScenarioSteps.Where(s => ids.Contains(s.StageId) && s.SegmentId == null)
            .GroupBy(s => s.StageId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        ctx.AskChoice(Name, "{0}" + tail, ctx.T.ScenarioPickStage(),
            live.Select(s => (ctx.T.ScenarioStageButton(ctx.Shown(s.Name), counts.GetValueOrDefault(s.Id)), ProcessArgs.Ref('s', s.Id))));
    }

    private static async Task<List<ScenarioStep>> OwnStepsAsync(BotContext ctx, Scope scope, CancellationToken ct) =>
        await ctx.Db.ScenarioSteps.Where(s => s.StageId == scope.Stage.Id && s.SegmentId == scope.SegmentId).OrderBy(s => s.Position).ToListAsync(ct);

    private static async Task ShowAsync(BotContext ctx, Scope scope, CancellationToken ct, string? done = null)
    {
        var all = await ctx.Db.ScenarioSteps.Where(s => s.StageId == scope.Stage.Id && (s.SegmentId == null || s.SegmentId == scope.SegmentId)).ToListAsync(ct);
        var (steps, own) = ScenarioProgress.StepsFor(all, scope.Stage.Id, scope.SegmentId);
        var names = await ScenarioBook.WorkTypeNamesAsync(ctx.Db, steps, ct);
        var text = new StringBuilder();
        if (done is not null)
        {
            text.Append(done).Append("\n\n");
        }

        text.Append(ctx.T.ScenarioHeader(ctx.Shown(scope.Stage.Name), scope.Segment?.Name, fallback: scope.Segment is not null && !own && steps.Count > 0));
        if (steps.Count == 0)
        {
            text.Append('\n').Append(ctx.T.ScenarioEmpty());
        }

        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            text.Append('\n').Append(ctx.T.ScenarioStepLine(i + 1, ctx.Shown(names.GetValueOrDefault(step.WorkTypeId, "?")), step.WithinDays, step.IsRequired));
        }

        if (ctx.User.Role.Includes(Role.Head))
        {
            text.Append("\n\n").Append(ctx.T.ScenarioEditHint(scope.Shown(ctx.T.Language)));
        }

        ctx.Reply(text.ToString());
    }

    private static async Task AddAsync(BotContext ctx, Scope scope, List<ScenarioStep> steps, string[] rest, CancellationToken ct)
    {
        var required = rest.Any(w => Required.Contains(w, StringComparer.OrdinalIgnoreCase));
        int? days = null;
        var words = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            var w = rest[i];
            if (Required.Contains(w, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (DaysWord().Match(w) is { Success: true } m && days is null)
            {
                days = int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
                if (i + 1 < rest.Length && ProcessArgs.Days.Contains(rest[i + 1], StringComparer.OrdinalIgnoreCase))
                {
                    i++;
                }

                continue;
            }

            words.Add(w);
        }

        var options = (days is { } d ? " " + d.ToString(CultureInfo.InvariantCulture) + " " + ProcessArgs.Days[0] : "") + (required ? " " + Required[0] : "");
        var word = string.Join(' ', words);
        var workType = await Touches.WorkTypeLookup.FindAsync(ctx, word, ct);
        if (workType is null)
        {
            var live = await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).ToListAsync(ct);
            ctx.AskChoice(Name, $"{scope.Ref} add {{0}}{options}", word.Length == 0 ? ctx.T.ScenarioAskWorkType(ctx.Shown(scope.Stage.Name)) : ctx.T.ScenarioWorkTypeUnknown(word),
                live.Select(w => (ctx.Shown(w.Name), w.Code)));
            return;
        }

        var step = ScenarioStep.Create(scope.Stage.Id, scope.SegmentId, steps.Count + 1, workType.Id, days, required);
        ctx.Db.ScenarioSteps.Add(step);
        ctx.Audit.Record(AuditActions.ScenarioAdded, scope.Stored, after: Describe(step, workType.Name));
        await ctx.Db.SaveChangesAsync(ct);
        await ShowAsync(ctx, scope, ct, ctx.T.ScenarioStepAdded(step.Position, ctx.Shown(workType.Name)));
    }

    private static async Task RemoveAsync(BotContext ctx, Scope scope, List<ScenarioStep> steps, int number, CancellationToken ct)
    {
        if (number < 1 || number > steps.Count)
        {
            ctx.Reply(ctx.T.ScenarioNoStep(number, steps.Count));
            return;
        }

        var step = steps[number - 1];
        var name = await ctx.Db.WorkTypes.Where(w => w.Id == step.WorkTypeId).Select(w => w.Name).FirstAsync(ct);
        ctx.Db.ScenarioSteps.Remove(step);
        steps.RemoveAt(number - 1);
        Renumber(steps);
        ctx.Audit.Record(AuditActions.ScenarioRemoved, scope.Stored, before: Describe(step, name));
        await ctx.Db.SaveChangesAsync(ct);
        await ShowAsync(ctx, scope, ct, ctx.T.ScenarioStepRemoved(number, ctx.Shown(name)));
    }

    private static async Task MoveAsync(BotContext ctx, Scope scope, List<ScenarioStep> steps, int from, int to, CancellationToken ct)
    {
        if (from < 1 || from > steps.Count || to < 1 || to > steps.Count)
        {
            ctx.Reply(ctx.T.ScenarioNoStep(from < 1 || from > steps.Count ? from : to, steps.Count));
            return;
        }

        var step = steps[from - 1];
        steps.RemoveAt(from - 1);
        steps.Insert(to - 1, step);
        Renumber(steps);
        var name = await ctx.Db.WorkTypes.Where(w => w.Id == step.WorkTypeId).Select(w => w.Name).FirstAsync(ct);
        ctx.Audit.Record(AuditActions.ScenarioMoved, scope.Stored,
            from.ToString(CultureInfo.InvariantCulture) + ". " + name, to.ToString(CultureInfo.InvariantCulture) + ". " + name);
        await ctx.Db.SaveChangesAsync(ct);
        await ShowAsync(ctx, scope, ct, ctx.T.ScenarioStepMoved(ctx.Shown(name), from, to));
    }

    private static void Renumber(List<ScenarioStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i].MoveTo(i + 1);
        }
    }

    private static string Describe(ScenarioStep step, string workType) =>
        $"{step.Position}. {workType}" + (step.WithinDays is { } d ? $" ({d} d)" : "") + (step.IsRequired ? " !" : "");

    private static int? Number(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^(\d{1,6})(дн|д|d|days?|дней|дня|день)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex DaysWord();
}

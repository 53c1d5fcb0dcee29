using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>One cycle with all its stages (retired ones too, as <see cref="StageOrder"/> wants them), tracked for editing.</summary>
internal sealed record StageScope(SalesCycle Cycle, List<Stage> Stages)
{
    public IReadOnlyList<Stage> Live => StageOrder.Live(Stages);

    /// <summary>A live stage by <c>#s12</c>, exact name, or an unambiguous beginning of the name.</summary>
    public Stage? Find(string text)
    {
        var live = Live;
        if (ProcessArgs.Id(text, 's') is { } id)
        {
            return live.FirstOrDefault(s => s.Id == id);
        }

        var exact = live.FirstOrDefault(s => ProcessArgs.Same(s.Name, text)) ?? live.FirstOrDefault(s => BuiltInNames.Matches(s.Name, text));
        if (exact is not null || text.Trim().Length < 3)
        {
            return exact;
        }

        var starts = live.Where(s => s.Name.StartsWith(text.Trim(), StringComparison.CurrentCultureIgnoreCase)).ToList();
        return starts.Count == 1 ? starts[0] : null;
    }

    /// <summary>The longest run of leading words that names a live stage, and the words after it.</summary>
    public (Stage? Stage, string Remainder) FindAtStart(string text)
    {
        var words = ProcessArgs.Words(text);
        if (words.Length > 0 && ProcessArgs.Id(words[0], 's') is not null)
        {
            return (Find(words[0]), string.Join(' ', words[1..]));
        }

        for (var n = words.Length; n >= 1; n--)
        {
            var name = string.Join(' ', words[..n]);
            if (Live.FirstOrDefault(s => ProcessArgs.Same(s.Name, name)) is { } stage)
            {
                return (stage, string.Join(' ', words[n..]));
            }
        }

        return (null, text);
    }
}

/// <summary>Finding sales cycles and their stages the way an admin names them.</summary>
internal static class Cycles
{
    public static Task<List<SalesCycle>> LiveAsync(BotContext ctx, CancellationToken ct) =>
        ctx.Db.Cycles.Where(c => !c.IsRetired).OrderByDescending(c => c.IsDefault).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>A live cycle by <c>#y5</c>, exact name or an unambiguous beginning; the default one for an empty text.</summary>
    public static SalesCycle? Find(IReadOnlyList<SalesCycle> live, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return live.FirstOrDefault(c => c.IsDefault) ?? live.FirstOrDefault();
        }

        if (ProcessArgs.Id(text, 'y') is { } id)
        {
            return live.FirstOrDefault(c => c.Id == id);
        }

        var exact = live.FirstOrDefault(c => ProcessArgs.Same(c.Name, text));
        if (exact is not null)
        {
            return exact;
        }

        var starts = live.Where(c => c.Name.StartsWith(text.Trim(), StringComparison.CurrentCultureIgnoreCase)).ToList();
        return starts.Count == 1 ? starts[0] : null;
    }

    public static async Task<StageScope> ScopeAsync(BotContext ctx, SalesCycle cycle, CancellationToken ct) =>
        new(cycle, await ctx.Db.Stages.Where(s => s.CycleId == cycle.Id).ToListAsync(ct));

    /// <summary>The cycle a stage belongs to, for commands re-run from a button with <c>#s12</c>.</summary>
    public static async Task<SalesCycle?> OfStageAsync(BotContext ctx, long stageId, CancellationToken ct)
    {
        var cycleId = await ctx.Db.Stages.Where(s => s.Id == stageId).Select(s => (long?)s.CycleId).FirstOrDefaultAsync(ct);
        return cycleId is null ? null : await ctx.Db.Cycles.FirstOrDefaultAsync(c => c.Id == cycleId && !c.IsRetired, ct);
    }
}

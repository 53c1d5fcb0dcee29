using System.Text;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /norm &lt;work type&gt; &lt;count&gt; day|week: how many touches of a kind each manager is expected to make; 0 removes
/// the norm. Without arguments: the norms in force. /team and the digests compare against them.
/// </summary>
internal sealed class SetNorm : ICommandHandler
{
    private static readonly string[] DayWords = ["day", "daily", "день", "дн", "ежедневно", "d", "д"];
    private static readonly string[] WeekWords = ["week", "weekly", "неделя", "неделю", "нед", "w", "н"];

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var workTypes = await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).ToListAsync(ct);
        var words = ProcessArgs.Words(args).Where(w => w is not ("в" or "на" or "per" or "a")).ToList();
        if (words.Count == 0)
        {
            await ListAsync(ctx, ct);
            return;
        }

        NormPeriod? period = WeekWords.Contains(words[^1], StringComparer.OrdinalIgnoreCase) ? NormPeriod.Week
            : DayWords.Contains(words[^1], StringComparer.OrdinalIgnoreCase) ? NormPeriod.Day
            : null;
        var withoutPeriod = period is null ? words : words[..^1];
        var count = withoutPeriod.Count >= 2 ? ProcessArgs.Number(withoutPeriod[^1]) : null;
        var name = string.Join(' ', count is null ? withoutPeriod : withoutPeriod[..^1]);
        if (count is null)
        {
            ctx.Reply(ctx.T.HowToUse("norm"));
            return;
        }

        var workType = workTypes.FirstOrDefault(w => ProcessArgs.Same(w.Code, name) || ProcessArgs.Same(w.Name, name));
        var periodWord = period switch { NormPeriod.Week => "week", NormPeriod.Day => "day", _ => "" };
        if (workType is null)
        {
            ctx.AskChoice("norm", $"{{0}} {count} {periodWord}", ctx.T.CatalogNotFound(CatalogKind.WorkType, name),
                ProcessArgs.Suggest(workTypes, w => w.Name, name).Select(w => (w.Name, w.Code)));
            return;
        }

        if (period is null)
        {
            ctx.AskChoice("norm", $"{workType.Code} {count} {{0}}", ctx.T.AskNormPeriod(workType.Name, count.Value),
                [(ctx.T.NormPerDay, "day"), (ctx.T.NormPerWeek, "week")]);
            return;
        }

        var norm = await ctx.Db.Norms.FirstOrDefaultAsync(n => n.WorkTypeId == workType.Id && n.Period == period, ct);
        var subject = $"{workType.Code}/{periodWord}";
        if (count == 0)
        {
            if (norm is not null)
            {
                ctx.Db.Norms.Remove(norm);
                ctx.Audit.Record(AuditActions.NormRemoved, subject, StageCommand.N(norm.Count), null);
            }

            ctx.Reply(ctx.T.NormRemoved(workType.Name, period == NormPeriod.Week));
            return;
        }

        var before = norm?.Count;
        if (norm is null)
        {
            ctx.Db.Norms.Add(TouchNorm.Create(workType.Id, count.Value, period.Value));
        }
        else
        {
            norm.Change(count.Value, period.Value);
        }

        ctx.Audit.Record(AuditActions.NormSet, subject, before is { } b ? StageCommand.N(b) : null, StageCommand.N(count.Value));
        ctx.Reply(new Reply(ctx.T.NormSet(workType.Name, count.Value, period == NormPeriod.Week),
            [[Button.Callback(ctx.T.TeamButton, CommandTable.Run("team"))]]));
    }

    private static async Task ListAsync(BotContext ctx, CancellationToken ct)
    {
        var norms = await ctx.Db.Norms.Join(ctx.Db.WorkTypes, n => n.WorkTypeId, w => w.Id, (n, w) => new { w.Name, n.Count, n.Period })
            .ToListAsync(ct);
        var text = new StringBuilder(ctx.T.NormsHeader(norms.Count));
        foreach (var n in norms.OrderBy(n => n.Period).ThenBy(n => n.Name))
        {
            text.Append('\n').Append("• ").Append(ctx.T.NormItem(n.Name, n.Count, n.Period == NormPeriod.Week));
        }

        text.Append("\n\n").Append(ctx.T.HowToUse("norm"));
        ctx.Reply(text.ToString());
    }
}

using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>/pipelines: every live sales cycle with its stages and open deals (counted in SQL); a tap opens its funnel.</summary>
internal sealed class ShowPipelines(IOptions<CrmOptions> crm) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var cycles = await Cycles.LiveAsync(ctx, ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var stages = await ctx.Db.Stages.Where(s => ids.Contains(s.CycleId) && !s.IsRetired)
            .GroupBy(s => s.CycleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var deals = await ctx.Db.Deals.Where(d => ids.Contains(d.CycleId) && d.Status == DealStatus.Open)
            .GroupBy(d => d.CycleId).Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(g => g.Key, ct);

        var text = new StringBuilder(ctx.T.PipelinesHeader(cycles.Count));
        foreach (var c in cycles)
        {
            var (count, amount) = deals.TryGetValue(c.Id, out var d) ? (d.Count, d.Amount) : (0, 0m);
            text.Append('\n').Append(ctx.T.PipelineLine(c.Name, c.IsDefault, stages.GetValueOrDefault(c.Id), count, ctx.T.Money(amount, crm.Value.Currency)));
        }

        text.Append("\n\n").Append(ctx.T.PipelinesFooter());
        ctx.Reply(new Reply(text.ToString(),
            [.. cycles.Select(c => Button.Callback($"🔻 {c.Name}", $"stg:f:{c.Id}")).Chunk(2).Select(r => (IReadOnlyList<Button>)r)]));
    }
}

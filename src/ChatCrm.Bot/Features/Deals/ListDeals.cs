using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Scenarios;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// /deals [stage or client]: the open deals the user may see, grouped by stage in pipeline order, with number,
/// client, amount and days in the stage (and, for a head, whose it is); paged with buttons (<c>dls:&lt;page&gt;[:s&lt;stage&gt;|:c&lt;client&gt;]</c>).
/// </summary>
internal sealed class ListDeals : ICommandHandler, ICallbackHandler
{
    // Names are cut in the lines (48 characters, the owner's 24), so a page stays under 4096 characters.
    private const int PageSize = 20;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var query = args.Trim();
        if (query.Length == 0)
        {
            await ShowAsync(ctx, 1, null, ct);
            return;
        }

        var stages = await ctx.Db.Stages.Where(s => !s.IsRetired).OrderBy(s => s.CycleId).ThenBy(s => s.Position).ToListAsync(ct);
        if (stages.FirstOrDefault(s => BuiltInNames.Matches(s.Name, query)) is { } stage)
        {
            await ShowAsync(ctx, 1, $"s{stage.Id}", ct);
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, query, ct);
        if (lookup.Kind == ClientMatchKind.NotFound)
        {
            ctx.Reply(ctx.T.DealsFilterUnknown(query));
        }
        else if (!ClientFinder.AskIfUnsettled(ctx, lookup, "deals", query))
        {
            await ShowAsync(ctx, 1, $"c{lookup.Client!.Id}", ct);
        }
    }

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct) =>
        ShowAsync(ctx, args.Count >= 1 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1,
            args.Count >= 2 ? args[1] : null, ct);

    /// <param name="filter"><c>s&lt;stage id&gt;</c>, <c>c&lt;client id&gt;</c> or null for all.</param>
    private static async Task ShowAsync(BotContext ctx, int page, string? filter, CancellationToken ct)
    {
        var deals = ctx.VisibleDeals().Where(d => d.Status == DealStatus.Open);
        string? label = null;
        if (filter is ['s', .. var sid] && long.TryParse(sid, CultureInfo.InvariantCulture, out var stageId))
        {
            deals = deals.Where(d => d.StageId == stageId);
            label = await ctx.Db.Stages.Where(s => s.Id == stageId).Select(s => s.Name).FirstOrDefaultAsync(ct) is { } stageName
                ? BuiltInNames.Show(stageName, ctx.T.Language)
                : null;
        }
        else if (filter is ['c', .. var cid] && long.TryParse(cid, CultureInfo.InvariantCulture, out var clientId))
        {
            deals = deals.Where(d => d.ClientId == clientId);
            label = await ctx.VisibleClients().Where(c => c.Id == clientId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        }
        else
        {
            filter = null;
        }

        var total = await deals.CountAsync(ct);
        if (total == 0)
        {
            ctx.Show(ctx.T.DealsEmpty(label));
            return;
        }

        var pages = (total + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pages);
        var rows = await (
                from d in deals
                join s in ctx.Db.Stages on d.StageId equals s.Id
                join cy in ctx.Db.Cycles on d.CycleId equals cy.Id
                join c in ctx.Db.Clients on d.ClientId equals c.Id
                orderby cy.IsDefault descending, cy.Id, s.Position, d.StageEnteredAt, d.Id
                select new { Deal = d, Stage = s.Name, StageId = s.Id, Cycle = cy.Name, Client = c.Name })
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        var manyCycles = await ctx.Db.Cycles.CountAsync(c => !c.IsRetired, ct) > 1;
        var owner = await ctx.OwnerNamesAsync(rows.Select(r => (long?)r.Deal.OwnerUserId), ct);

        var progress = await ScenarioBook.ProgressAsync(ctx.Db, [.. rows.Select(r => r.Deal)], ct);
        var text = new StringBuilder(ctx.T.DealsHeader(total, page, pages, label));
        long? stageShown = null;
        foreach (var row in rows)
        {
            if (row.StageId != stageShown)
            {
                text.Append('\n').Append(ctx.T.DealsStage(BuiltInNames.Show(row.Stage, ctx.T.Language), manyCycles ? BuiltInNames.Show(row.Cycle, ctx.T.Language) : null));
                stageShown = row.StageId;
            }

            var d = row.Deal;
            text.Append('\n').Append(ctx.T.DealsLine(d.Id, d.Title, row.Client, d.Amount, d.Currency, d.DaysInStage(ctx.Now), owner(d.OwnerUserId)))
                .Append(progress.GetValueOrDefault(d.Id) is { } p ? ctx.T.ScenarioProgressMark(p.Done, p.Total) : "");
        }

        var suffix = filter is null ? "" : $":{filter}";
        ctx.Show(new Reply(text.ToString(), Pager.Keyboard(ctx.T, page, pages, p => $"{DealViews.List}:{p}{suffix}")));
    }
}

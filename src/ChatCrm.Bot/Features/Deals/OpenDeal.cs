using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// /deal &lt;client&gt; &lt;amount&gt; [title] [cycle &lt;name&gt;]: opens a deal in the first live stage of the default
/// cycle (or the named one). A client not settled is asked with buttons, a missing amount is asked for; an
/// amount that is not a positive ruble sum is refused before anything is stored.
/// </summary>
internal sealed class OpenDeal(IOptions<CrmOptions> crm) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            ctx.Ask("deal", "", ctx.T.DealAskClient());
            return;
        }

        if (DealLines.Parse(args) is { } edit)
        {
            await DealLines.HandleAsync(ctx, edit, ct);
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (ClientFinder.AskIfUnsettled(ctx, lookup, "deal", ClientPart(args)))
        {
            return;
        }

        var client = lookup.Client!;
        var rest = lookup.Rest;
        string? cycleName = null;
        if (DealArgs.SplitAt(rest, DealArgs.CycleWords) is { After.Length: > 0 } split)
        {
            (rest, cycleName) = split;
        }

        var amount = AmountParser.TryParsePrefix(rest);
        var cycleSuffix = cycleName is null ? "" : $" {DealArgs.CycleWords[0]} {cycleName}";
        var products = await DealLines.LiveProductsAsync(ctx, ct);
        Product? product;
        var asked = false;
        decimal value;
        string title;
        if (amount is null)
        {
            if (LooksLikeAmount(rest))
            {
                ctx.Reply(ctx.T.AmountUnreadable(FirstWord(rest)));
                return;
            }

            // A product with a catalogue price stands for the amount: /deal Ромашка станок.
            product = rest.Length == 0 ? null : DealLines.ForTitle(ctx, products, rest, $"#c{client.Id} {{0}}{cycleSuffix}", out asked);
            if (asked)
            {
                return;
            }

            if (product?.Price is not { } price)
            {
                ctx.Ask("deal", $"#c{client.Id} {{0}} {rest}{cycleSuffix}".Trim(), ctx.T.DealAskAmount(client.Name));
                return;
            }

            (value, title) = (price, rest);
        }
        else
        {
            (value, title) = (amount.Value, rest[amount.Length..].Trim());
            product = title.Length == 0 ? null
                : DealLines.ForTitle(ctx, products, title, $"#c{client.Id} {rest[..amount.Length].Trim()} {{0}}{cycleSuffix}", out asked);
            if (asked)
            {
                return;
            }
        }

        if (DealLines.IsProductRef(title))
        {
            title = product?.Name ?? "";
        }

        var cycle = await CycleAsync(ctx, cycleName, ct);
        if (cycle is null)
        {
            var names = await ctx.Db.Cycles.Where(c => !c.IsRetired).OrderBy(c => c.Id).Select(c => c.Name).ToListAsync(ct);
            ctx.Reply(ctx.T.DealCycleNotFound(cycleName ?? "", string.Join(", ", names)));
            return;
        }

        var live = await DealViews.LiveStagesAsync(ctx, cycle.Id, ct);
        var first = StageOrder.First(live) ?? throw new DomainException(DomainError.LastStage, cycle.Name);
        var (deal, opened) = Deal.Open(client, cycle, first, value, crm.Value.Currency, title.Length == 0 ? null : title,
            client.OwnerUserId ?? ctx.User.Id, ctx.Now, ctx.User.Id);
        ctx.Db.Deals.Add(deal);
        ctx.Db.StageChanges.Add(opened);
        await ctx.Db.SaveChangesAsync(ct); // the number the reply shows
        var lineText = "";
        if (product is not null)
        {
            // The product named becomes the deal's one line, at the amount typed (or the catalogue price).
            var line = deal.AddLine(product, 1, value, [], ctx.Now);
            ctx.Db.DealLines.Add(line);
            lineText = "\n" + ctx.T.DealLineRow(product.Name, line.Quantity, line.UnitPrice, line.Amount, deal.Currency);
        }

        ctx.Undo.Record(UndoDealOpened.DealOpenedKind, deal.Id.ToString(CultureInfo.InvariantCulture), ctx.T.UndoDealOpened(deal.Id));
        ctx.Audit.Record(AuditActions.DealOpen, $"deal #{deal.Id}", null, $"{client.Name}; {deal.Amount.ToString(CultureInfo.InvariantCulture)} {deal.Currency}; {first.Name}");
        ctx.Reply(new Reply(
            ctx.T.DealOpened(deal.Id, deal.Title, client.Name, deal.Amount, deal.Currency, first.Name, cycle.IsDefault ? null : cycle.Name) + lineText,
            DealViews.ForOpen(ctx, deal, live)));
    }

    /// <summary>The default cycle, or the one named (a retired one is found too, so the rule can say it is archived).</summary>
    private static async Task<SalesCycle?> CycleAsync(BotContext ctx, string? name, CancellationToken ct)
    {
        var cycles = await ctx.Db.Cycles.OrderBy(c => c.IsRetired).ThenBy(c => c.Id).ToListAsync(ct);
        return name is null
            ? cycles.FirstOrDefault(c => c.IsDefault && !c.IsRetired) ?? cycles.FirstOrDefault(c => !c.IsRetired)
            : cycles.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>«-150к», «0», «150км», «$100» are amounts gone wrong, not a title to ask an amount for.</summary>
    private static bool LooksLikeAmount(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && (char.IsAsciiDigit(t[0]) || (t[0] is '-' or '−' or '–' or '+' or '$' or '€' && t.Length > 1));
    }

    private static string FirstWord(string text) =>
        text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? text;

    /// <summary>What the user typed for the client: everything before the amount.</summary>
    private static string ClientPart(string args)
    {
        var words = args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = words.TakeWhile(w => !LooksLikeAmount(w));
        var part = string.Join(' ', name);
        return part.Length == 0 ? args.Trim() : part;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>`/deal 42 + Станок 2 1,5 млн` or `/deal 42 - Станок`: the deal number, which way, and the rest.</summary>
internal sealed record LineEdit(int Number, bool Remove, string Text);

/// <summary>
/// Products on a deal: /deal &lt;n&gt; + &lt;product&gt; [qty] [price] puts a line on it (the catalogue price unless one is
/// given; asked when there is none), /deal &lt;n&gt; - &lt;product&gt; takes one off. The deal is then worth the sum of its
/// lines. A product is found by name or a close one; several fit → buttons. Only a deal the user may work on.
/// </summary>
internal static partial class DealLines
{
    [GeneratedRegex(@"^\s*#p(\d+)\b\s*")]
    private static partial Regex ProductRef();

    /// <summary>The edit when the arguments are a deal number followed by + or −; null for anything else (a new deal).</summary>
    public static LineEdit? Parse(string args)
    {
        if (DealNumberParser.TryParsePrefix(args, out var length) is not { } number)
        {
            return null;
        }

        var rest = args[length..].TrimStart();
        return rest.Length > 0 && rest[0] is '+' or '-' or '−' or '–'
            ? new LineEdit(number, rest[0] != '+', rest[1..].Trim())
            : null;
    }

    public static async Task HandleAsync(BotContext ctx, LineEdit edit, CancellationToken ct)
    {
        var lookup = await DealFinder.FindAsync(ctx, edit.Number.ToString(CultureInfo.InvariantCulture), ct);
        if (lookup.Deal is not { } deal)
        {
            return;
        }

        if (!deal.IsOpen)
        {
            throw new DomainException(DomainError.DealClosed, deal.Status.ToString());
        }

        var lines = await ctx.Db.DealLines.Where(l => l.DealId == deal.Id).OrderBy(l => l.Id).ToListAsync(ct);
        if (edit.Remove)
        {
            await RemoveAsync(ctx, deal, lines, edit.Text, ct);
        }
        else
        {
            await AddAsync(ctx, deal, lines, edit.Text, ct);
        }
    }

    /// <summary>
    /// The product a phrase names among <paramref name="products"/> (a button's <c>#p12</c> or a name), and the words
    /// after it; null once the user has been asked which (buttons) or told there is none.
    /// </summary>
    public static (Product Product, string After)? Pick(BotContext ctx, IReadOnlyList<Product> products, string text,
        string argsTemplate, string? notFoundQuestion)
    {
        if (ProductRef().Match(text) is { Success: true } byId)
        {
            var id = long.TryParse(byId.Groups[1].Value, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0; // too large: no product
            if (products.FirstOrDefault(p => p.Id == id) is { } chosen)
            {
                return (chosen, text[byId.Length..].Trim());
            }

            ctx.Reply(ctx.T.ProductNotFound(text.Trim(), products.Count > 0));
            return null;
        }

        var match = ProductReference.Resolve(text, [.. products.Select(p => new ProductCandidate(p.Id, p.Name))]);
        switch (match.Kind)
        {
            case ProductMatchKind.Exact or ProductMatchKind.Close:
                return (products.First(p => p.Id == match.Id), match.Rest);
            case ProductMatchKind.Ambiguous:
                ctx.AskChoice("deal", string.Format(CultureInfo.InvariantCulture, argsTemplate, "{0}", match.Rest).Trim(),
                    ctx.T.WhichProduct(match.Typed), Options(match.Ids.Select(id => products.First(p => p.Id == id))));
                return null;
            default:
                if (notFoundQuestion is not null)
                {
                    ctx.AskChoice("deal", string.Format(CultureInfo.InvariantCulture, argsTemplate, "{0}", ""), notFoundQuestion,
                        Options(products));
                }
                else
                {
                    ctx.Reply(ctx.T.ProductNotFound(match.Typed.Length > 0 ? match.Typed : text.Trim(), products.Count > 0));
                }

                return null;
        }
    }

    /// <summary>
    /// The product a new deal's whole title names (/deal Ромашка 150к станки), or null when it names none — the title
    /// then stays a title. Several fitting → asked with buttons (re-running <paramref name="argsTemplate"/>), and
    /// <paramref name="asked"/> is set.
    /// </summary>
    public static Product? ForTitle(BotContext ctx, IReadOnlyList<Product> products, string title, string argsTemplate, out bool asked)
    {
        asked = false;
        if (ProductRef().Match(title) is { Success: true } byId && byId.Length == title.Length)
        {
            var id = long.TryParse(byId.Groups[1].Value, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0; // too large: no product
            return products.FirstOrDefault(p => p.Id == id);
        }

        var match = ProductReference.Resolve(title, [.. products.Select(p => new ProductCandidate(p.Id, p.Name))]);
        if (match.Rest.Length > 0)
        {
            return null;
        }

        switch (match.Kind)
        {
            case ProductMatchKind.Exact or ProductMatchKind.Close:
                return products.First(p => p.Id == match.Id);
            case ProductMatchKind.Ambiguous:
                ctx.AskChoice("deal", argsTemplate, ctx.T.WhichProduct(match.Typed),
                    Options(match.Ids.Select(id => products.First(p => p.Id == id))));
                asked = true;
                return null;
            default:
                return null;
        }
    }

    /// <summary>True when the title is a product picked by a button (<c>#p12</c>): the deal is then called after the product.</summary>
    public static bool IsProductRef(string title) => ProductRef().Match(title) is { Success: true } m && m.Length == title.Length;

    public static IEnumerable<(string Label, string Value)> Options(IEnumerable<Product> products) =>
        products.Take(ProductReference.MaxOptions * 2).Select(p => (p.Name, ProcessArgs.Ref('p', p.Id)));

    public static Task<List<Product>> LiveProductsAsync(BotContext ctx, CancellationToken ct) =>
        ctx.Db.Products.Where(p => !p.IsRetired).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The deal's lines as the reply lists them, then its amount.</summary>
    public static async Task<string> LinesTextAsync(BotContext ctx, Deal deal, CancellationToken ct)
    {
        var rows = await ctx.Db.DealLines.Where(l => l.DealId == deal.Id)
            .Join(ctx.Db.Products, l => l.ProductId, p => p.Id, (l, p) => new { l.Id, p.Name, l.Quantity, l.UnitPrice, l.Amount })
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var text = new StringBuilder();
        foreach (var r in rows.Take(Core.Messages.Texts.MaxLinesShown))
        {
            text.Append('\n').Append(ctx.T.DealLineRow(r.Name, r.Quantity, r.UnitPrice, r.Amount, deal.Currency));
        }

        if (rows.Count > Core.Messages.Texts.MaxLinesShown)
        {
            text.Append('\n').Append(ctx.T.DealLinesMore(rows.Count - Core.Messages.Texts.MaxLinesShown));
        }

        text.Append('\n').Append(rows.Count > 0 ? ctx.T.DealLinesTotal(deal.Amount, deal.Currency) : ctx.T.DealNoLinesLeft(deal.Amount, deal.Currency));
        return text.ToString();
    }

    private static async Task AddAsync(BotContext ctx, Deal deal, List<DealLine> lines, string text, CancellationToken ct)
    {
        var n = deal.Id.ToString(CultureInfo.InvariantCulture);
        if (text.Length == 0)
        {
            ctx.Ask("deal", $"{n} + {{0}}", ctx.T.DealLineAskProduct(deal.Id, remove: false));
            return;
        }

        if (Pick(ctx, await LiveProductsAsync(ctx, ct), text, n + " + {0} {1}", null) is not { } picked)
        {
            return;
        }

        var (product, rest) = picked;

        if (LineTailParser.TryParse(rest) is not { } tail)
        {
            ctx.Reply(ctx.T.DealLineTailUnreadable(rest));
            return;
        }

        var quantity = tail.Quantity ?? 1;
        if ((tail.Price ?? product.Price) is not { } price)
        {
            ctx.Ask("deal", $"{n} + {ProcessArgs.Ref('p', product.Id)} {quantity.ToString(CultureInfo.InvariantCulture)} {{0}}",
                ctx.T.DealLineAskPrice(product.Name));
            return;
        }

        var before = deal.Amount;
        int? quantityBefore = null;
        // The same product at the same price is one line with a larger quantity; at another price it is a line of its own.
        if (lines.FirstOrDefault(l => l.ProductId == product.Id && l.UnitPrice == price) is { } same)
        {
            quantityBefore = same.Quantity;
            deal.SetLineQuantity(same, same.Quantity + quantity, lines);
        }
        else
        {
            ctx.Db.DealLines.Add(same = deal.AddLine(product, quantity, price, lines, ctx.Now));
        }

        await ctx.Db.SaveChangesAsync(ct); // the line's id, for /undo
        ctx.Undo.Record(DealLineUndo.Kind,
            JsonSerializer.Serialize(new DealLineUndo(deal.Id, true, same.Id, product.Id, quantity, price, before, deal.Amount, quantityBefore)),
            ctx.T.UndoDealLineAdded(deal.Id));
        ctx.Audit.Record(AuditActions.DealLineAdded, $"deal #{deal.Id}", null,
            $"{product.Name}; {quantity.ToString(CultureInfo.InvariantCulture)} × {price.ToString(CultureInfo.InvariantCulture)}");
        ctx.Reply(ctx.T.DealLineAdded(deal.Id, deal.Title, product.Name) + await LinesTextAsync(ctx, deal, ct));
    }

    private static async Task RemoveAsync(BotContext ctx, Deal deal, List<DealLine> lines, string text, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            ctx.Reply(ctx.T.DealHasNoLines(deal.Id));
            return;
        }

        var ids = lines.Select(l => l.ProductId).Distinct().ToList();
        var onDeal = await ctx.Db.Products.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        var n = deal.Id.ToString(CultureInfo.InvariantCulture);
        if (text.Length == 0)
        {
            ctx.AskChoice("deal", $"{n} - {{0}}", ctx.T.DealLineAskProduct(deal.Id, remove: true), Options(onDeal));
            return;
        }

        if (Pick(ctx, onDeal, text, n + " - {0}", ctx.T.DealLineNotOnDeal(deal.Id, text)) is not { } picked)
        {
            return;
        }

        var product = picked.Product;

        var line = lines.Last(l => l.ProductId == product.Id);
        var before = deal.Amount;
        deal.RemoveLine(line, lines);
        ctx.Db.DealLines.Remove(line);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Undo.Record(DealLineUndo.Kind,
            JsonSerializer.Serialize(new DealLineUndo(deal.Id, false, line.Id, product.Id, line.Quantity, line.UnitPrice, before, deal.Amount)),
            ctx.T.UndoDealLineRemoved(deal.Id));
        ctx.Audit.Record(AuditActions.DealLineRemoved, $"deal #{deal.Id}", product.Name, null);
        ctx.Reply(ctx.T.DealLineRemoved(deal.Id, deal.Title, product.Name) + await LinesTextAsync(ctx, deal, ct));
    }
}

/// <summary>What /undo needs to take a line back off, or put it back on, and the amounts either side of the change.</summary>
/// <remarks><see cref="QuantityBefore"/> is set when the addition only raised an existing line's quantity.</remarks>
internal sealed record DealLineUndo(long DealId, bool Added, long LineId, long ProductId, int Quantity, decimal UnitPrice,
    decimal AmountBefore, decimal AmountAfter, int? QuantityBefore = null)
{
    public const string Kind = "deal.line";
}

/// <summary>/undo of a line added or removed; refused once the deal is closed or its amount changed since.</summary>
internal sealed class UndoDealLine : IUndoHandler
{
    public string Kind => DealLineUndo.Kind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var undo = JsonSerializer.Deserialize<DealLineUndo>(data) ?? throw new InvalidOperationException("Empty line undo.");
        var deal = await ctx.Db.Deals.FirstAsync(d => d.Id == undo.DealId, ct);
        var lines = await ctx.Db.DealLines.Where(l => l.DealId == deal.Id).OrderBy(l => l.Id).ToListAsync(ct);
        var changedSince = new DomainException(DomainError.ChangedSince, deal.Id.ToString(CultureInfo.InvariantCulture));
        if (!deal.IsOpen || deal.Amount != undo.AmountAfter)
        {
            throw changedSince;
        }

        if (undo is { Added: true, QuantityBefore: { } quantityBefore })
        {
            var line = lines.FirstOrDefault(l => l.Id == undo.LineId) ?? throw changedSince;
            deal.SetLineQuantity(line, quantityBefore, lines);
        }
        else if (undo.Added)
        {
            // A line put back by an earlier /undo has a new id: the same product, quantity and price is the same line.
            var line = lines.FirstOrDefault(l => l.Id == undo.LineId)
                ?? lines.LastOrDefault(l => l.ProductId == undo.ProductId && l.Quantity == undo.Quantity && l.UnitPrice == undo.UnitPrice)
                ?? throw changedSince;
            deal.RemoveLine(line, lines);
            ctx.Db.DealLines.Remove(line);
        }
        else
        {
            var product = await ctx.Db.Products.FirstAsync(p => p.Id == undo.ProductId, ct);
            ctx.Db.DealLines.Add(deal.AddLine(product, undo.Quantity, undo.UnitPrice, lines, ctx.Now));
        }

        deal.ChangeAmount(undo.AmountBefore);
        ctx.Audit.Record(AuditActions.DealUndo, $"deal #{deal.Id}", undo.Added ? "line added" : "line removed", null);
    }
}

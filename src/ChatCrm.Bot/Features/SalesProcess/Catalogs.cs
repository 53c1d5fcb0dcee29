using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>One entry of a reference list as the list shows it; <see cref="Extra"/> is a work type's code or a product's price.</summary>
internal sealed record CatalogItem(long Id, string Name, string? Extra, bool IsRetired);

/// <summary>
/// A reference list admins edit (work types, lost reasons, segments, products). Removing an entry that
/// something refers to retires it (hidden from new choices, kept in history); an unused one is deleted.
/// </summary>
internal interface ICatalog
{
    CatalogKind Kind { get; }

    /// <summary>The editing command (/worktype); the list command is the same with an s.</summary>
    string Command { get; }

    Task<List<CatalogItem>> ItemsAsync(BotContext ctx, CancellationToken ct);

    /// <summary>
    /// Stages the new entry and returns its display name; <paramref name="text"/> is everything after «add».
    /// Null, with nothing staged, when a live entry already has that name.
    /// </summary>
    string? Add(BotContext ctx, string text, IReadOnlyList<CatalogItem> existing);

    /// <summary>Retires (true) or deletes (false) the entry.</summary>
    Task<bool> RemoveAsync(BotContext ctx, long id, CancellationToken ct);
}

internal static class Catalogs
{
    public static readonly IReadOnlyDictionary<CatalogKind, ICatalog> All = new ICatalog[]
    {
        new WorkTypeCatalog(), new LostReasonCatalog(), new SegmentCatalog(), new ProductCatalog(),
    }.ToDictionary(c => c.Kind);

    /// <summary>A live entry by <c>#x12</c> or by name (or work-type code), whatever the case.</summary>
    public static CatalogItem? Find(IEnumerable<CatalogItem> items, string text) =>
        ProcessArgs.Id(text, 'x') is { } id
            ? items.FirstOrDefault(i => i.Id == id && !i.IsRetired)
            : items.FirstOrDefault(i => !i.IsRetired && (Same(i.Name, text) || (i.Extra is { } code && Same(code, text))))
                ?? items.FirstOrDefault(i => !i.IsRetired && BuiltInNames.Matches(i.Name, text));

    public static bool Taken(IEnumerable<CatalogItem> items, string name) =>
        items.Any(i => !i.IsRetired && Same(i.Name, name));

    private static bool Same(string a, string b) => NamedItem.Key(a) == NamedItem.Key(b);
}

/// <summary>
/// What every list of <see cref="NamedItem"/>s does alike: list, add under a name no live entry has, and remove — retire
/// when something refers to the entry, delete otherwise. A list says only how an entry is made and what uses it.
/// </summary>
internal abstract class NamedCatalog<TItem>(CatalogKind kind, string command) : ICatalog
    where TItem : NamedItem
{
    public CatalogKind Kind => kind;
    public string Command => command;

    public async Task<List<CatalogItem>> ItemsAsync(BotContext ctx, CancellationToken ct) =>
        (await ctx.Db.Set<TItem>().AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct))
            .Select(i => new CatalogItem(i.Id, i.Name, Extra(ctx.T, i), i.IsRetired))
            .ToList();

    public string? Add(BotContext ctx, string text, IReadOnlyList<CatalogItem> existing)
    {
        var item = Create(text, existing);
        if (Catalogs.Taken(existing, item.Name))
        {
            return null;
        }

        ctx.Db.Set<TItem>().Add(item);
        return item.Name;
    }

    public async Task<bool> RemoveAsync(BotContext ctx, long id, CancellationToken ct)
    {
        var item = await ctx.Db.Set<TItem>().FirstAsync(i => i.Id == id, ct);
        if (await InUseAsync(ctx.Db, id, ct))
        {
            item.Retire();
            return true;
        }

        ctx.Db.Set<TItem>().Remove(item);
        return false;
    }

    /// <summary>A new entry from everything after «add»; the entity checks the name.</summary>
    protected abstract TItem Create(string text, IReadOnlyList<CatalogItem> existing);

    protected abstract Task<bool> InUseAsync(ChatCrmDbContext db, long id, CancellationToken ct);

    /// <summary>What the list shows after the name.</summary>
    protected virtual string? Extra(Texts t, TItem item) => null;
}

internal sealed class WorkTypeCatalog() : NamedCatalog<WorkType>(CatalogKind.WorkType, "worktype")
{
    /// <summary>Codes are unique for ever (touches and /log refer to them), so a reused name gets a fresh code.</summary>
    protected override WorkType Create(string text, IReadOnlyList<CatalogItem> existing)
    {
        var slug = WorkType.Slug(text);
        var code = slug;
        for (var n = 2; existing.Any(i => i.Extra == code); n++)
        {
            code = $"{slug}_{n}";
        }

        return WorkType.Create(text, code.Length > 0 ? code : null);
    }

    protected override async Task<bool> InUseAsync(ChatCrmDbContext db, long id, CancellationToken ct) =>
        await db.Touches.AnyAsync(a => a.WorkTypeId == id, ct) || await db.Norms.AnyAsync(n => n.WorkTypeId == id, ct);

    protected override string? Extra(Texts t, WorkType item) => item.Code;
}

internal sealed class LostReasonCatalog() : NamedCatalog<LostReason>(CatalogKind.LostReason, "reason")
{
    protected override LostReason Create(string text, IReadOnlyList<CatalogItem> existing) => LostReason.Create(text);

    protected override Task<bool> InUseAsync(ChatCrmDbContext db, long id, CancellationToken ct) =>
        db.Deals.AnyAsync(d => d.LostReasonId == id, ct);
}

internal sealed class SegmentCatalog() : NamedCatalog<Segment>(CatalogKind.Segment, "segment")
{
    /// <summary>People write segments as #retail; the # is how they are typed, not part of the name.</summary>
    protected override Segment Create(string text, IReadOnlyList<CatalogItem> existing) => Segment.Create(text.TrimStart('#'));

    protected override Task<bool> InUseAsync(ChatCrmDbContext db, long id, CancellationToken ct) =>
        db.Clients.AnyAsync(c => c.SegmentId == id, ct);
}

internal sealed class ProductCatalog() : NamedCatalog<Product>(CatalogKind.Product, "product")
{
    private static readonly string[] CategoryWords = ["категория", "category"];

    /// <summary>
    /// «Станок ЧПУ 1,5 млн #Станки»: the category is what follows # (or «категория»/«category») at the end, and the
    /// longest tail before it that reads as an amount is the price.
    /// </summary>
    protected override Product Create(string text, IReadOnlyList<CatalogItem> existing)
    {
        var (name, price, category) = Read(text);
        var product = Product.Create(name, price);
        product.SetCategory(category);
        return product;
    }

    /// <summary>
    /// /product edit «Станок ЧПУ 1,6 млн #Оборудование»: the product is found by the name part, and whatever else is
    /// written — a price, a category (<c>#-</c> for none) — replaces what it had. Null when no live product has the name.
    /// </summary>
    public async Task<(string Name, string? Extra)?> EditAsync(BotContext ctx, string text, IReadOnlyList<CatalogItem> existing,
        CancellationToken ct)
    {
        var (name, price, category) = Read(text);
        if (Catalogs.Find(existing, name) is not { } item)
        {
            return null;
        }

        var product = await ctx.Db.Products.FirstAsync(p => p.Id == item.Id, ct);
        if (price is not null)
        {
            product.SetPrice(price);
        }

        if (category is not null)
        {
            product.SetCategory(category == "-" ? null : category);
        }

        return (product.Name, Extra(ctx.T, product));
    }

    /// <summary>The name, the price and the category as written (null when not written).</summary>
    internal static (string Name, decimal? Price, string? Category) Read(string text)
    {
        var words = ProcessArgs.Words(text);
        string? category = null;
        var at = words.Length < 2 ? -1 : Array.FindIndex(words, 1, w => (w.Length > 1 && w[0] == '#') || CategoryWords.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (at > 0)
        {
            var tail = words[at][0] == '#' ? [words[at][1..], .. words[(at + 1)..]] : words[(at + 1)..];
            category = string.Join(' ', tail);
            words = words[..at];
        }

        for (var i = 1; i < words.Length; i++)
        {
            if (AmountParser.TryParse(string.Join(' ', words[i..])) is { } price)
            {
                return (string.Join(' ', words[..i]), price, category);
            }
        }

        return (string.Join(' ', words), null, category);
    }

    protected override Task<bool> InUseAsync(ChatCrmDbContext db, long id, CancellationToken ct) =>
        db.DealLines.AnyAsync(l => l.ProductId == id, ct);

    /// <summary>«цена 1 500 000 · категория Станки» (plain text: the list escapes it).</summary>
    protected override string? Extra(Texts t, Product item)
    {
        string?[] parts =
        [
            item.Price is { } price ? $"{t.ProductPriceLabel} {t.Money(price, "")}" : null,
            item.Category is { } category ? $"{t.ProductCategoryLabel} {category}" : null,
        ];
        return parts.Any(p => p is not null) ? string.Join(" · ", parts.OfType<string>()) : null;
    }
}

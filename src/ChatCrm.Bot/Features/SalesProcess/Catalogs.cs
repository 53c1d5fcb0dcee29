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

    /// <summary>A live entry by <c>#x12</c> or by name, whatever the case.</summary>
    public static CatalogItem? Find(IEnumerable<CatalogItem> items, string text) =>
        ProcessArgs.Id(text, 'x') is { } id
            ? items.FirstOrDefault(i => i.Id == id && !i.IsRetired)
            : items.FirstOrDefault(i => !i.IsRetired && (ProcessArgs.Same(i.Name, text) || (i.Extra is { } code && ProcessArgs.Same(code, text))));

    public static bool Taken(IEnumerable<CatalogItem> items, string name) =>
        items.Any(i => !i.IsRetired && ProcessArgs.Same(i.Name, name));
}

internal sealed class WorkTypeCatalog : ICatalog
{
    public CatalogKind Kind => CatalogKind.WorkType;
    public string Command => "worktype";

    public Task<List<CatalogItem>> ItemsAsync(BotContext ctx, CancellationToken ct) =>
        ctx.Db.WorkTypes.OrderBy(w => w.Id).Select(w => new CatalogItem(w.Id, w.Name, w.Code, w.IsRetired)).ToListAsync(ct);

    public string? Add(BotContext ctx, string text, IReadOnlyList<CatalogItem> existing)
    {
        if (Catalogs.Taken(existing, text))
        {
            return null;
        }

        // Codes are unique for ever (touches and /log refer to them), so a reused name gets a fresh code.
        var slug = WorkType.Slug(text);
        var code = slug;
        for (var n = 2; existing.Any(i => i.Extra == code); n++)
        {
            code = $"{slug}_{n}";
        }

        var workType = WorkType.Create(text, code.Length > 0 ? code : null);
        ctx.Db.WorkTypes.Add(workType);
        return workType.Name;
    }

    public async Task<bool> RemoveAsync(BotContext ctx, long id, CancellationToken ct)
    {
        var workType = await ctx.Db.WorkTypes.FirstAsync(w => w.Id == id, ct);
        if (await ctx.Db.Touches.AnyAsync(a => a.WorkTypeId == id, ct) || await ctx.Db.Norms.AnyAsync(n => n.WorkTypeId == id, ct))
        {
            workType.Retire();
            return true;
        }

        ctx.Db.WorkTypes.Remove(workType);
        return false;
    }
}

internal sealed class LostReasonCatalog : ICatalog
{
    public CatalogKind Kind => CatalogKind.LostReason;
    public string Command => "reason";

    public Task<List<CatalogItem>> ItemsAsync(BotContext ctx, CancellationToken ct) =>
        ctx.Db.LostReasons.OrderBy(r => r.Id).Select(r => new CatalogItem(r.Id, r.Name, null, r.IsRetired)).ToListAsync(ct);

    public string? Add(BotContext ctx, string text, IReadOnlyList<CatalogItem> existing)
    {
        if (Catalogs.Taken(existing, text))
        {
            return null;
        }

        var reason = LostReason.Create(text);
        ctx.Db.LostReasons.Add(reason);
        return reason.Name;
    }

    public async Task<bool> RemoveAsync(BotContext ctx, long id, CancellationToken ct)
    {
        var reason = await ctx.Db.LostReasons.FirstAsync(r => r.Id == id, ct);
        if (await ctx.Db.Deals.AnyAsync(d => d.LostReasonId == id, ct))
        {
            reason.Retire();
            return true;
        }

        ctx.Db.LostReasons.Remove(reason);
        return false;
    }
}

internal sealed class SegmentCatalog : ICatalog
{
    public CatalogKind Kind => CatalogKind.Segment;
    public string Command => "segment";

    public Task<List<CatalogItem>> ItemsAsync(BotContext ctx, CancellationToken ct) =>
        ctx.Db.Segments.OrderBy(s => s.Id).Select(s => new CatalogItem(s.Id, s.Name, null, s.IsRetired)).ToListAsync(ct);

    public string? Add(BotContext ctx, string text, IReadOnlyList<CatalogItem> existing)
    {
        if (Catalogs.Taken(existing, text.TrimStart('#')))
        {
            return null;
        }

        // People write segments as #retail; the # is how they are typed, not part of the name.
        var segment = Segment.Create(text.TrimStart('#'));
        ctx.Db.Segments.Add(segment);
        return segment.Name;
    }

    public async Task<bool> RemoveAsync(BotContext ctx, long id, CancellationToken ct)
    {
        var segment = await ctx.Db.Segments.FirstAsync(s => s.Id == id, ct);
        if (await ctx.Db.Clients.AnyAsync(c => c.SegmentId == id, ct))
        {
            segment.Retire();
            return true;
        }

        ctx.Db.Segments.Remove(segment);
        return false;
    }
}

internal sealed class ProductCatalog : ICatalog
{
    public CatalogKind Kind => CatalogKind.Product;
    public string Command => "product";

    public async Task<List<CatalogItem>> ItemsAsync(BotContext ctx, CancellationToken ct) =>
        (await ctx.Db.Products.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct))
            .Select(p => new CatalogItem(p.Id, p.Name, p.Price is { } price ? ctx.T.Money(price, "") : null, p.IsRetired))
            .ToList();

    /// <summary>«Станок ЧПУ 1,5 млн»: the longest tail that reads as an amount is the price.</summary>
    public string? Add(BotContext ctx, string text, IReadOnlyList<CatalogItem> existing)
    {
        var words = ProcessArgs.Words(text);
        var (name, price) = (text, (decimal?)null);
        for (var i = 1; i < words.Length; i++)
        {
            if (AmountParser.TryParse(string.Join(' ', words[i..])) is { } amount)
            {
                (name, price) = (string.Join(' ', words[..i]), amount);
                break;
            }
        }

        if (Catalogs.Taken(existing, name))
        {
            return null;
        }

        var product = Product.Create(name, price);
        ctx.Db.Products.Add(product);
        return product.Name;
    }

    public async Task<bool> RemoveAsync(BotContext ctx, long id, CancellationToken ct)
    {
        // Nothing refers to products yet; once deals carry product lines this is where "in use" goes.
        var product = await ctx.Db.Products.FirstAsync(p => p.Id == id, ct);
        ctx.Db.Products.Remove(product);
        return false;
    }
}

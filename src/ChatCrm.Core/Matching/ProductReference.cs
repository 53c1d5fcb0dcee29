using System.Globalization;
using System.Text;
using ChatCrm.Core.Parsing;
using FuzzySharp;

namespace ChatCrm.Core.Matching;

/// <summary>A live catalogue product the user may mean.</summary>
public sealed record ProductCandidate(long Id, string Name);

public enum ProductMatchKind
{
    /// <summary>One product by its whole name (case and ё aside).</summary>
    Exact,

    /// <summary>No name is typed word for word, but exactly one product is close («станки» for «Станок ЧПУ»).</summary>
    Close,

    /// <summary>Several products fit: ask with buttons.</summary>
    Ambiguous,
    NotFound,
}

/// <summary>
/// The product the text starts with and what follows it. <see cref="Ids"/>: one for Exact and Close, the fitting
/// ones best first for Ambiguous, none for NotFound. <see cref="Typed"/> is what was read as the product's name.
/// </summary>
public sealed record ProductMatch(ProductMatchKind Kind, IReadOnlyList<long> Ids, string Typed, string Rest)
{
    public long? Id => Kind is ProductMatchKind.Exact or ProductMatchKind.Close ? Ids[0] : null;
}

/// <summary>Finds the catalogue product a phrase names: `/deal 42 + Станок ЧПУ 2 1,5 млн`, `/deal Ромашка 150к станки`.</summary>
public static class ProductReference
{
    /// <summary>
    /// FuzzySharp ratio (0..100) a typed name needs, against the whole name or word by word: «станки» → «станок»
    /// scores 83, «ЧПУ» → «Станок ЧПУ» 100 by its word, while «поставка станков» stays out of «Станок ЧПУ».
    /// </summary>
    public const int FuzzyThreshold = 80;
    public const int MaxOptions = 6;

    /// <summary>
    /// The longest run of leading words that is a product's whole name; else the words before the first number
    /// (quantity or price), matched fuzzily. Words of a product name that start with a digit need the exact name.
    /// </summary>
    public static ProductMatch Resolve(string text, IReadOnlyList<ProductCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var words = ProcessArgs.Words(text ?? "");
        if (words.Length == 0 || candidates.Count == 0)
        {
            return new ProductMatch(ProductMatchKind.NotFound, [], string.Join(' ', words), "");
        }

        var keyed = candidates.Select(c => (c.Id, c.Name, Key: Key(c.Name))).Where(c => c.Key.Length > 0).ToList();
        for (var k = words.Length; k >= 1; k--)
        {
            var typed = Key(string.Join(' ', words[..k]));
            var named = keyed.Where(c => c.Key == typed).Select(c => c.Id).Order().ToList();
            if (named.Count > 0)
            {
                return new ProductMatch(named.Count == 1 ? ProductMatchKind.Exact : ProductMatchKind.Ambiguous, named,
                    string.Join(' ', words[..k]), string.Join(' ', words[k..]));
            }
        }

        var nameWords = words.TakeWhile(w => !char.IsAsciiDigit(w[0])).Count();
        var name = string.Join(' ', words[..nameWords]);
        var rest = string.Join(' ', words[nameWords..]);
        if (nameWords == 0)
        {
            return new ProductMatch(ProductMatchKind.NotFound, [], name, rest);
        }

        var key = Key(name);
        var close = keyed
            .Select(c => (c.Id, c.Name, Score: Score(key, c.Key)))
            .Where(c => c.Score >= FuzzyThreshold)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.Id)
            .Take(MaxOptions)
            .Select(c => c.Id)
            .ToList();
        var kind = close.Count switch
        {
            0 => ProductMatchKind.NotFound,
            1 => ProductMatchKind.Close,
            _ => ProductMatchKind.Ambiguous,
        };
        return new ProductMatch(kind, close, name, rest);
    }

    /// <summary>Lower case, ё → е, quotes dropped, spaces collapsed.</summary>
    public static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            switch (c)
            {
                case 'ё':
                    sb.Append('е');
                    break;
                case '«' or '»' or '"' or '\'' or '„' or '“' or '”':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return string.Join(' ', ProcessArgs.Words(sb.ToString()));
    }

    /// <summary>
    /// The whole typed name against the whole product name, or every typed word against its closest word of the
    /// product name (averaged), whichever is higher. Unprocessed ratios: FuzzySharp's full preprocessing drops Cyrillic.
    /// </summary>
    private static int Score(string typed, string name)
    {
        var whole = Fuzz.Ratio(typed, name);
        var nameWords = name.Split(' ');
        var typedWords = typed.Split(' ');
        var byWord = (int)typedWords.Average(t => nameWords.Max(n => Fuzz.Ratio(t, n)));
        return Math.Max(whole, byWord);
    }
}

/// <summary>What follows the product in `/deal 42 + Станок 2 1,5 млн`: an optional quantity and an optional unit price.</summary>
public sealed record LineTail(int? Quantity, decimal? Price);

public static class LineTailParser
{
    /// <summary>A single plain whole number below this is a quantity; a larger one, or with к/млн/₽, is a price.</summary>
    public const int QuantityBelow = 1000;

    /// <summary>
    /// «» → nothing; «2», «2шт», «x2» → quantity; «150к», «1,5 млн», «150000» → price; «2 150к» → both. Null when the
    /// text is something else (the caller says it could not read it).
    /// </summary>
    public static LineTail? TryParse(string text)
    {
        var words = ProcessArgs.Words(text ?? "");
        if (words.Length == 0)
        {
            return new LineTail(null, null);
        }

        var quantityWords = words.Length > 1 && words[1] is "шт" or "шт." or "pcs" or "pc" ? 2 : 1;
        if (Quantity(words[0], quantityWords == 2) is { } quantity)
        {
            var restWords = words[quantityWords..];
            if (restWords.Length == 0)
            {
                return new LineTail(quantity, null);
            }

            return AmountParser.TryParse(string.Join(' ', restWords)) is { } price ? new LineTail(quantity, price) : null;
        }

        return AmountParser.TryParse(text!) is { } only ? new LineTail(null, only) : null;
    }

    private static int? Quantity(string word, bool explicitUnit)
    {
        var w = word.ToLowerInvariant();
        var marked = explicitUnit;
        foreach (var mark in new[] { "шт.", "шт", "pcs", "x", "х", "×" })
        {
            if (w.EndsWith(mark, StringComparison.Ordinal) && w.Length > mark.Length)
            {
                (w, marked) = (w[..^mark.Length], true);
                break;
            }

            if (w.StartsWith(mark, StringComparison.Ordinal) && w.Length > mark.Length && mark is "x" or "х" or "×")
            {
                (w, marked) = (w[mark.Length..], true);
                break;
            }
        }

        return w.Length > 0 && w.All(char.IsAsciiDigit)
            && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && (marked || n < QuantityBelow)
                ? n
                : null;
    }
}

namespace ChatCrm.Core.Parsing;

/// <summary>
/// The keywords of the deal and obligation commands (`cycle`/`цикл`, `due`/`срок`, `at`/`дата`,
/// `ship`/`отгрузка`). A keyword is a
/// whole word in either language and any letter case; «обсудили дату» holds no keyword.
/// </summary>
public static class DealArgs
{
    public static readonly IReadOnlyList<string> CycleWords = ["cycle", "цикл"];
    public static readonly IReadOnlyList<string> DueWords = ["due", "срок"];
    public static readonly IReadOnlyList<string> AtWords = ["at", "дата"];

    /// <summary>The expected shipment date on /invoice and /shipped.</summary>
    public static readonly IReadOnlyList<string> ShipWords = ["ship", "отгрузка"];

    /// <summary>Splits at the first keyword: the trimmed text before and after it; null when there is none.</summary>
    public static (string Before, string After)? SplitAt(string text, IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Occurrences(text, keywords).FirstOrDefault() is var (start, end) && end > 0
            ? (text[..start].Trim(), text[end..].Trim())
            : null;
    }

    /// <summary>
    /// Finds a keyword followed by a date phrase (`due пт`, `дата вчера`) anywhere in <paramref name="text"/>.
    /// <see cref="KeywordDate.Rest"/> is the text without the keyword and the phrase (a note, a title). When a
    /// keyword is there but no date follows it, <see cref="KeywordDate.Unreadable"/> holds what followed, so the
    /// caller can say what it did not understand (or, for a note, keep the words).
    /// </summary>
    /// <param name="direction">Past after <see cref="AtWords"/> (when it happened: «дата 28.11» is the last
    /// 28 November); forward for a due or shipment date.</param>
    public static KeywordDate ReadDate(string text, IReadOnlyList<string> keywords, DateTime nowUtc, TimeZoneInfo zone,
        WhenDirection direction = WhenDirection.Forward)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? unreadable = null;
        foreach (var (start, end) in Occurrences(text, keywords))
        {
            var after = text[end..];
            if (WhenParser.TryParsePrefix(after, nowUtc, zone, direction) is { } when)
            {
                var rest = $"{text[..start].Trim()} {after[when.Length..].Trim()}".Trim();
                return new KeywordDate(when, rest, null);
            }

            unreadable ??= after.Trim();
        }

        return new KeywordDate(null, text.Trim(), unreadable is null ? null : FirstWords(unreadable));
    }

    private static IEnumerable<(int Start, int End)> Occurrences(string text, IReadOnlyList<string> keywords)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start && keywords.Any(k => text.AsSpan(start, i - start).Equals(k, StringComparison.OrdinalIgnoreCase)))
            {
                yield return (start, i);
            }
        }
    }

    private static string FirstWords(string text)
    {
        var words = text.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(3));
    }
}

/// <summary>A date read after a keyword, and the text around it.</summary>
public sealed record KeywordDate(WhenPhrase? When, string Rest, string? Unreadable);

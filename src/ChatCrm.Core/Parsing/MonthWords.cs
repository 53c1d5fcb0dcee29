using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Parsing;

/// <summary>
/// Reads a month the way heads name it in /target: «декабрь», «в декабре», «дек», "dec", "December 2026",
/// «12.2026», "2026-12", «следующий»/"next". Without a year it is the nearest such month from now on.
/// </summary>
public static partial class MonthWords
{
    private static readonly string[] NextWords = ["next", "следующий", "след"];
    private static readonly string[] ThisWords = ["this", "этот", "текущий"];
    private static readonly string[] Fillers = ["в", "на", "in", "for", "месяц", "month"];

    [GeneratedRegex(@"^(?:(\d{1,2})[./](\d{4})|(\d{4})-(\d{1,2}))$")]
    private static partial Regex Numeric();

    /// <summary>
    /// Finds a month at the end of <paramref name="text"/>: the first day of it, and the text before it.
    /// Null month when the end is not a month (the whole text is returned).
    /// </summary>
    public static (DateTime? Month, string Remainder) TakeFromEnd(string text, DateTime localToday)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var n = Math.Min(3, words.Length); n >= 1; n--)
        {
            var tail = words[^n..].Where(w => !Fillers.Contains(w, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (tail.Length > 0 && Read(tail, localToday) is { } month)
            {
                return (month, string.Join(' ', words[..^n]));
            }
        }

        return (null, text.Trim());
    }

    private static DateTime? Read(string[] words, DateTime today)
    {
        var first = words[0].ToLowerInvariant().TrimEnd('.');
        if (words.Length == 1 && Numeric().Match(first) is { Success: true } m)
        {
            var (month, year) = m.Groups[1].Success
                ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
                : (int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
            return month is >= 1 and <= 12 && year is >= 2000 and <= 2100 ? new DateTime(year, month, 1) : null;
        }

        if (words.Length == 1 && NextWords.Contains(first))
        {
            return new DateTime(today.Year, today.Month, 1).AddMonths(1);
        }

        if (words.Length == 1 && ThisWords.Contains(first))
        {
            return new DateTime(today.Year, today.Month, 1);
        }

        if (!WhenVocabulary.WholeMonths.TryGetValue(first, out var named) || words.Length > 2)
        {
            return null;
        }

        if (words.Length == 2)
        {
            return int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
                ? new DateTime(year, named, 1)
                : null;
        }

        var candidate = new DateTime(today.Year, named, 1);
        return candidate < new DateTime(today.Year, today.Month, 1) ? candidate.AddYears(1) : candidate;
    }
}

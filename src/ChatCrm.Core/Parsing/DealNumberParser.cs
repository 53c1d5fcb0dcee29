using System.Globalization;

namespace ChatCrm.Core.Parsing;

/// <summary>Reads a deal number as users type it: «42», «#42», «№42», «№ 42».</summary>
public static class DealNumberParser
{
    /// <summary>
    /// Parses a positive deal number at the start of <paramref name="text"/>. <paramref name="length"/> is the number
    /// of characters taken (leading spaces included); 0 when null. A number glued to more ("42abc", «42.5», «42%»)
    /// is not a deal number.
    /// </summary>
    public static int? TryParsePrefix(string text, out int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        length = 0;
        var i = SkipSpaces(text, 0);
        if (i < text.Length && text[i] is '#' or '№')
        {
            i = SkipSpaces(text, i + 1);
        }

        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == start || !EndsCleanly(text, i)
            || !int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number <= 0)
        {
            return null;
        }

        length = i;
        return number;
    }

    private static bool EndsCleanly(string text, int i) =>
        i >= text.Length
        || char.IsWhiteSpace(text[i])
        || (!char.IsLetterOrDigit(text[i]) && text[i] != '%'
            && !(text[i] is '.' or ',' or ':' or '/' or '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])));

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}

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
        if (Scan(text) is not { } digits
            || !int.TryParse(text.AsSpan(digits.Start, digits.End - digits.Start), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number <= 0)
        {
            return null;
        }

        length = digits.End;
        return number;
    }

    /// <summary>
    /// The digits of a deal number at the start of <paramref name="text"/> too large to be any deal's
    /// («#99999999999999999999»): such a number names no deal, and is answered as one that does not exist. Null
    /// for anything else.
    /// </summary>
    public static string? OutOfRangePrefix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Scan(text) is { } digits
            && !int.TryParse(text.AsSpan(digits.Start, digits.End - digits.Start), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? text[digits.Start..digits.End]
            : null;
    }

    /// <summary>Where the digits of a cleanly ending number after optional spaces and «#»/«№» are; null when there are none.</summary>
    private static (int Start, int End)? Scan(string text)
    {
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

        return i == start || !EndsCleanly(text, i) ? null : (start, i);
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

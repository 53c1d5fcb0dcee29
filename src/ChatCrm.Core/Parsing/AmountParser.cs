using System.Globalization;
using System.Text;

namespace ChatCrm.Core.Parsing;

/// <summary>
/// Parses a ruble amount the way people type it: «150000», «150 000», «150к», «150 тыс.», «1,5 млн», "1.5m",
/// «2 млрд», «150 000 ₽», «150000 руб.», «1 500,50», «1500.50».
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Thousands may be grouped with spaces (also non-breaking and thin ones), commas or dots: «150 000»,
/// "1,500,000", «1.500.000».</item>
/// <item>A single comma or dot is a decimal separator («1,5» is 1.5) unless exactly three digits follow it and no
/// multiplier does: «1,500» and «1.500» are 1500, «1,500 млн» is 1.5 million. With both kinds, the last one is
/// the decimal separator: "1,500.50" and «1.500,50» are 1500.50.</item>
/// <item>Multipliers: к/k/тыс/тысяч (×1 000), млн/m/mln/миллион (×1 000 000), млрд/bn/миллиард (×10⁹), glued or
/// after a space. A lone «к» after a number is read as thousands («150 к»), not the preposition.</item>
/// <item>Only rubles: ₽, руб, рубль/рубля/рублей, р, rub are accepted and skipped. Any other currency ("$100",
/// «100 €», «100 usd») is refused rather than silently stored as rubles.</item>
/// <item>Refused (null): zero, negatives, more than two decimal places after the multiplier, more than 10¹²,
/// a number glued to another word («150км», «15%», «15:00», «100-200»).</item>
/// </list>
/// </remarks>
public static class AmountParser
{
    private const decimal MaxAmount = 1_000_000_000_000m;
    private const int MaxDigits = 20;
    private const char RubleSign = '₽';

    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.Ordinal)
    {
        ["к"] = 1_000m, ["k"] = 1_000m, ["тыс"] = 1_000m, ["тысяч"] = 1_000m, ["тысячи"] = 1_000m,
        ["тысяча"] = 1_000m, ["тысячу"] = 1_000m, ["thousand"] = 1_000m,
        ["млн"] = 1_000_000m, ["m"] = 1_000_000m, ["mln"] = 1_000_000m, ["миллион"] = 1_000_000m,
        ["миллиона"] = 1_000_000m, ["миллионов"] = 1_000_000m, ["million"] = 1_000_000m,
        ["млрд"] = 1_000_000_000m, ["bn"] = 1_000_000_000m, ["миллиард"] = 1_000_000_000m,
        ["миллиарда"] = 1_000_000_000m, ["миллиардов"] = 1_000_000_000m, ["billion"] = 1_000_000_000m,
    };

    private static readonly HashSet<string> RubleWords = new(StringComparer.Ordinal)
    {
        "руб", "рубль", "рубля", "рублей", "р", "rub", "rur", "roubles", "rubles",
    };

    private static readonly HashSet<string> ForeignCurrencyWords = new(StringComparer.Ordinal)
    {
        "usd", "eur", "евро", "доллар", "доллара", "долларов", "долл", "dollar", "dollars", "euro", "euros",
    };

    /// <summary>Parses the amount at the start of <paramref name="text"/>; the rest (e.g. a deal title) is the caller's.</summary>
    public static AmountPhrase? TryParsePrefix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = SkipSpaces(text, 0);
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            // Covers «-150» and «$100» as well as plain words.
            return null;
        }

        var groups = ReadDigitGroups(text, ref i);
        var end = i;
        var multiplier = 1m;
        var (word, wordEnd) = ReadWord(text, SkipSpaces(text, end));
        if (word is not null && Multipliers.TryGetValue(word, out var scale))
        {
            multiplier = scale;
            end = SkipAbbreviationDot(text, wordEnd);
            (word, wordEnd) = ReadWord(text, SkipSpaces(text, end));
        }

        if (word is not null && RubleWords.Contains(word))
        {
            end = SkipAbbreviationDot(text, wordEnd);
        }
        else if (SkipSpaces(text, end) is var sign && sign < text.Length && text[sign] == RubleSign)
        {
            end = sign + 1;
        }

        if (!EndsCleanly(text, end) || IsForeignCurrencyAt(text, SkipSpaces(text, end)))
        {
            return null;
        }

        var number = Interpret(groups, multiplier != 1m);
        if (number is null)
        {
            return null;
        }

        var value = number.Value * multiplier;
        return value > 0 && value <= MaxAmount && value == decimal.Round(value, 2) ? new AmountPhrase(value, end) : null;
    }

    /// <summary>The whole text must be an amount (surrounding spaces and final punctuation allowed).</summary>
    public static decimal? TryParse(string text)
    {
        var amount = TryParsePrefix(text);
        if (amount is null)
        {
            return null;
        }

        foreach (var c in text.AsSpan(amount.Length))
        {
            if (!char.IsWhiteSpace(c) && c is not ('.' or ',' or '!' or ';'))
            {
                return null;
            }
        }

        return amount.Value;
    }

    private readonly record struct DigitGroup(char Separator, string Digits);

    private static List<DigitGroup> ReadDigitGroups(string text, ref int i)
    {
        var groups = new List<DigitGroup> { new('\0', ReadDigits(text, ref i)) };
        while (i + 1 < text.Length)
        {
            var c = text[i];
            if (IsGroupSpace(c) && IsThreeDigitsAt(text, i + 1))
            {
                i++;
                groups.Add(new DigitGroup(' ', ReadDigits(text, ref i)));
            }
            else if (c is ',' or '.' && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                groups.Add(new DigitGroup(c, ReadDigits(text, ref i)));
            }
            else
            {
                break;
            }
        }

        return groups;
    }

    /// <summary>Decides which separators group thousands and which one, if any, is the decimal point.</summary>
    private static decimal? Interpret(List<DigitGroup> groups, bool hasMultiplier)
    {
        if (groups.Sum(g => g.Digits.Length) > MaxDigits)
        {
            return null;
        }

        var last = groups[^1];
        var previousSeparator = groups.Count > 2 ? groups[^2].Separator : '\0';
        var lastIsDecimal = groups.Count > 1 && last.Separator != ' '
            && (last.Digits.Length != 3
                || (previousSeparator != '\0' && previousSeparator != last.Separator)
                || (groups.Count == 2 && hasMultiplier));

        var whole = lastIsDecimal ? groups.Take(groups.Count - 1).ToList() : groups;
        var grouping = whole.Skip(1).Select(g => g.Separator).Distinct().ToList();
        if (grouping.Count > 1
            || (grouping.Count == 1 && (whole[0].Digits.Length > 3 || whole.Skip(1).Any(g => g.Digits.Length != 3)
                || (lastIsDecimal && grouping[0] == last.Separator))))
        {
            return null;
        }

        var digits = new StringBuilder();
        foreach (var group in whole)
        {
            digits.Append(group.Digits);
        }

        if (lastIsDecimal)
        {
            digits.Append('.').Append(last.Digits);
        }

        return decimal.Parse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>«150км», «15%», «15:00», «100-200» are not amounts, so a number glued to them is refused.</summary>
    private static bool EndsCleanly(string text, int end) =>
        end >= text.Length
        || char.IsWhiteSpace(text[end])
        || (!char.IsLetterOrDigit(text[end]) && text[end] is not ('%' or ':' or '/' or '-' or '–' or '_' or '$' or '€' or '£' or '¥' or '#'));

    private static string ReadDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return text[start..i];
    }

    private static (string? Word, int End) ReadWord(string text, int i)
    {
        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return i == start ? (null, start) : (text[start..i].ToLowerInvariant(), i);
    }

    /// <summary>«тыс.», «руб.»: the dot belongs to the abbreviation unless a digit follows it.</summary>
    private static int SkipAbbreviationDot(string text, int i) =>
        i < text.Length && text[i] == '.' && !(i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) ? i + 1 : i;

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    private static bool IsThreeDigitsAt(string text, int i) =>
        i + 3 <= text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsAsciiDigit(text[i + 3]));

    private static bool IsForeignCurrencyAt(string text, int i) =>
        i < text.Length && (text[i] is '$' or '€' or '£' or '¥' || ReadWord(text, i).Word is { } word && ForeignCurrencyWords.Contains(word));
}

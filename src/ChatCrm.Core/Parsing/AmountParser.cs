using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Parsing;

/// <summary>
/// Parses a ruble amount the way people type it: «150000», «150 000», «150к», «150 тыс.», «150 т.р.», «150тр»,
/// «1,5 млн», «2,5кк», "1.5m", «2 млрд», «1 млн 200 тыс», «полтора миллиона», «двести тысяч», "two hundred k",
/// «150 000 ₽», «150000 руб.», «1 500,50», «1500.50».
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Thousands may be grouped with spaces (also non-breaking and thin ones), commas or dots: «150 000»,
/// "1,500,000", «1.500.000».</item>
/// <item>A single comma or dot is a decimal separator («1,5» is 1.5) unless exactly three digits follow it and no
/// multiplier does: «1,500» and «1.500» are 1500, «1,500 млн» is 1.5 million. With both kinds, the last one is
/// the decimal separator: "1,500.50" and «1.500,50» are 1500.50.</item>
/// <item>Multipliers: к/k/тыс/тысяч (×1 000), т.р./тр (thousand rubles), кк/млн/m/mln/миллион (×1 000 000),
/// млрд/bn/миллиард (×10⁹), glued or after a space. A lone «к» after a number is read as thousands («150 к»), not
/// the preposition.</item>
/// <item>Compound amounts go from the larger scale down: «1 млн 200 тыс» is 1 200 000. A bare number after a scale
/// («1 млн 200») is not taken: it may be the colloquial 1 200 000 or a count, so the caller decides (and asks).</item>
/// <item>Spelled-out numbers up to 999 (Russian and English) count only before a scale or a currency word:
/// «сто пятьдесят тысяч», «полтора миллиона», «полмиллиона», «два с половиной миллиона», "one and a half million",
/// "half a million", «сто рублей»; a lone «сто» is a word, not an amount.</item>
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

    /// <summary>Scales in order of trial (longer spellings first); the bool says the scale already names rubles («т.р.»).</summary>
    private static readonly (Regex Pattern, decimal Scale, bool Rubles, bool FullWord)[] Scales =
    [
        (Scale(@"т\.?\s?р(?:уб)?"), 1_000m, true, false),
        (Scale(@"тысяч[аиу]?|thousands?"), 1_000m, false, true),
        (Scale(@"тыс"), 1_000m, false, false),
        (Scale(@"ккк|kkk"), 1_000_000_000m, false, false),
        (Scale(@"кк|kk"), 1_000_000m, false, false),
        (Scale(@"к|k"), 1_000m, false, false),
        (Scale(@"миллион(?:а|ов)?|millions?"), 1_000_000m, false, true),
        (Scale(@"млн|mln|m"), 1_000_000m, false, false),
        (Scale(@"миллиард(?:а|ов)?|billions?"), 1_000_000_000m, false, true),
        (Scale(@"млрд|bn"), 1_000_000_000m, false, false),
    ];

    private static readonly Dictionary<string, decimal> Hundreds = new(StringComparer.Ordinal)
    {
        ["сто"] = 100, ["двести"] = 200, ["триста"] = 300, ["четыреста"] = 400, ["пятьсот"] = 500,
        ["шестьсот"] = 600, ["семьсот"] = 700, ["восемьсот"] = 800, ["девятьсот"] = 900,
    };

    private static readonly Dictionary<string, decimal> Tens = new(StringComparer.Ordinal)
    {
        ["двадцать"] = 20, ["тридцать"] = 30, ["сорок"] = 40, ["пятьдесят"] = 50, ["шестьдесят"] = 60,
        ["семьдесят"] = 70, ["восемьдесят"] = 80, ["девяносто"] = 90,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, decimal> Units = new(StringComparer.Ordinal)
    {
        ["один"] = 1, ["одна"] = 1, ["одну"] = 1, ["два"] = 2, ["две"] = 2, ["три"] = 3, ["четыре"] = 4, ["пять"] = 5,
        ["шесть"] = 6, ["семь"] = 7, ["восемь"] = 8, ["девять"] = 9, ["десять"] = 10, ["одиннадцать"] = 11,
        ["двенадцать"] = 12, ["тринадцать"] = 13, ["четырнадцать"] = 14, ["пятнадцать"] = 15, ["шестнадцать"] = 16,
        ["семнадцать"] = 17, ["восемнадцать"] = 18, ["девятнадцать"] = 19,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
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
        if (i >= text.Length || !(char.IsAsciiDigit(text[i]) || char.IsLetter(text[i])))
        {
            // Covers «-150» and «$100».
            return null;
        }

        if (ReadPart(text, i, null) is not { } part)
        {
            return null;
        }

        var value = part.Value;
        var end = part.End;
        var scale = part.Scale;
        var rubles = part.Rubles;
        var parts = 1;
        while (!rubles && scale > 1m && ReadPart(text, SkipSpaces(text, end), scale) is { } next)
        {
            (value, end, scale, rubles, parts) = (value + next.Value, next.End, next.Scale, next.Rubles, parts + 1);
        }

        if (!rubles && RubleAt(text, end) is { } rubleEnd)
        {
            (end, rubles) = (rubleEnd, true);
        }

        if (part.Lone && parts == 1 && !rubles)
        {
            // «Клуб Миллион», «миллион роз»: a scale word alone is a word; «миллион двести тысяч», «миллион рублей» are money.
            return null;
        }

        if (!EndsCleanly(text, end) || IsForeignCurrencyAt(text, SkipSpaces(text, end)))
        {
            return null;
        }

        return value > 0 && value <= MaxAmount && value == decimal.Round(value, 2)
            ? new AmountPhrase(value, end) { HasMoneyWord = rubles || part.Scale > 1m, LastScale = scale }
            : null;
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

    /// <summary>One part of an amount: a number (digits or words) with its scale, «1,5 млн», «двести тысяч», «150».</summary>
    private sealed record Part(decimal Value, int End, decimal Scale, bool Rubles, bool Lone = false);

    /// <summary>
    /// The first part (<paramref name="above"/> null) may be a bare number; a later one must carry a smaller scale than
    /// the part before it («1 млн 200 тыс») or close the amount with a currency («… 300 руб»).
    /// </summary>
    private static Part? ReadPart(string text, int i, decimal? above)
    {
        if (i >= text.Length)
        {
            return null;
        }

        decimal quantity;
        int end;
        if (char.IsAsciiDigit(text[i]))
        {
            var groups = ReadDigitGroups(text, ref i);
            end = i;
            var digitScale = ScaleAt(text, SkipSpaces(text, end), fullWordOnly: false);
            if (above is not null && groups.Count > 1)
            {
                return null;
            }

            if (Interpret(groups, digitScale is not null) is not { } number)
            {
                return null;
            }

            quantity = number;
            if (digitScale is { } ds)
            {
                return Scaled(quantity, ds, above);
            }

            if (above is null)
            {
                return new Part(quantity, end, 1m, false);
            }
        }
        else if (ReadSpelled(text, i) is { } spelled)
        {
            (quantity, end) = spelled;
            if (ScaleAt(text, SkipSpaces(text, end), fullWordOnly: false) is { } ws)
            {
                return Scaled(quantity, ws, above);
            }
        }
        else if (HalfGlued(text, i) is { } half)
        {
            return Scaled(0.5m, half, above);
        }
        else if (ScaleAt(text, i, fullWordOnly: true) is { } alone)
        {
            // «миллион двести тысяч»: a scale word alone is one of it (the caller wants more words after it).
            return Scaled(1m, alone, above) is { } one ? one with { Lone = true } : null;
        }
        else
        {
            return null;
        }

        // A number without a scale counts only when a currency closes it: «сто рублей», «1 млн 300 руб».
        return RubleAt(text, end) is { } rubleEnd && (above is null || quantity < above)
            ? new Part(quantity, rubleEnd, 1m, true)
            : null;
    }

    private static Part? Scaled(decimal quantity, (decimal Scale, int End, bool Rubles) scale, decimal? above)
    {
        var value = quantity * scale.Scale;
        return above is { } limit && (scale.Scale >= limit || value >= limit)
            ? null
            : new Part(value, scale.End, scale.Scale, scale.Rubles);
    }

    private static (decimal Scale, int End, bool Rubles)? ScaleAt(string text, int i, bool fullWordOnly)
    {
        foreach (var (pattern, scale, rubles, fullWord) in Scales)
        {
            if ((fullWord || !fullWordOnly) && pattern.Match(text, i) is { Success: true } m)
            {
                return (scale, SkipAbbreviationDot(text, m.Index + m.Length), rubles);
            }
        }

        return null;
    }

    /// <summary>«полмиллиона», «пол-тысячи»: half of a scale written as one word.</summary>
    private static (decimal Scale, int End, bool Rubles)? HalfGlued(string text, int i)
    {
        if (!text.AsSpan(i).StartsWith("пол", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var j = i + 3;
        if (j < text.Length && text[j] == '-')
        {
            j++;
        }

        return j < text.Length && char.IsLetter(text[j]) ? ScaleAt(text, j, fullWordOnly: true) : null;
    }

    /// <summary>
    /// A number in words up to 999: «сто пятьдесят», «двадцать пять», «полтора», «пол», «два с половиной», "two hundred",
    /// "one hundred and fifty", "twenty-five", "one and a half", "half a", "a". Where the words end, or null.
    /// </summary>
    private static (decimal Value, int End)? ReadSpelled(string text, int i)
    {
        var words = new List<(string Word, int End)>();
        var at = i;
        while (words.Count < 10 && ReadWord(text, at) is ({ } word, var wordEnd))
        {
            words.Add((word, wordEnd));
            at = wordEnd < text.Length && text[wordEnd] == '-' ? wordEnd + 1 : SkipSpaces(text, wordEnd);
        }

        var value = 0m;
        var taken = 0;
        var stage = 0; // 0: hundreds may come, 1: tens may come, 2: units may come, 3: nothing more
        string? Word(int k) => k < words.Count ? words[k].Word : null;
        while (taken < words.Count && stage < 3)
        {
            var w = words[taken].Word;
            if (stage == 0 && Hundreds.TryGetValue(w, out var h))
            {
                (value, stage) = (h, 1);
            }
            else if (stage == 0 && w is "a" or "one" && Word(taken + 1) == "hundred")
            {
                (value, stage, taken) = (100m, 1, taken + 1);
            }
            else if (stage <= 1 && Tens.TryGetValue(w, out var t))
            {
                (value, stage) = (value + t, 2);
            }
            else if (stage <= 2 && Units.TryGetValue(w, out var u) && !(stage == 2 && u >= 10))
            {
                (value, stage) = (value + u, 3);
                if (value < 10 && Word(taken + 1) == "hundred")
                {
                    (value, stage, taken) = (value * 100, 1, taken + 1);
                }
            }
            else if (stage == 1 && w == "and" && Word(taken + 1) is { } next && (Tens.ContainsKey(next) || Units.ContainsKey(next)))
            {
                // "one hundred and fifty"
            }
            else if (taken == 0 && w is "полтора" or "полторы")
            {
                (value, stage) = (1.5m, 3);
            }
            else if (taken == 0 && w is "пол" or "half")
            {
                (value, stage) = (0.5m, 3);
                if (w == "half" && Word(taken + 1) is "a" or "an")
                {
                    taken++;
                }
            }
            else if (taken == 0 && w is "a" or "an" && Word(1) is { } scaleWord && ScaleAt(scaleWord, 0, fullWordOnly: true) is not null)
            {
                // "a million", "a thousand"
                (value, stage) = (1m, 3);
            }
            else
            {
                break;
            }

            taken++;
        }

        if (taken == 0)
        {
            return null;
        }

        // «два с половиной», "one and a half"
        if (value == decimal.Truncate(value) && (Word(taken), Word(taken + 1), Word(taken + 2)) is ("с", "половиной", _) or ("and", "a", "half"))
        {
            taken += Word(taken) == "с" ? 2 : 3;
            value += 0.5m;
        }

        return (value, words[taken - 1].End);
    }

    /// <summary>Where a currency word or sign right after <paramref name="end"/> ends, or null.</summary>
    private static int? RubleAt(string text, int end)
    {
        var at = SkipSpaces(text, end);
        if (at < text.Length && text[at] == RubleSign)
        {
            return at + 1;
        }

        var (word, wordEnd) = ReadWord(text, at);
        return word is not null && RubleWords.Contains(word) ? SkipAbbreviationDot(text, wordEnd) : null;
    }

    private static Regex Scale(string pattern) =>
        new(@"\G(?:" + pattern + @")(?![\p{L}\p{Nd}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

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

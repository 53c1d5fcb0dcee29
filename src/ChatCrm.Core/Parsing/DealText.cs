namespace ChatCrm.Core.Parsing;

/// <summary>
/// Reads the amount and the title of /deal from the words after the client: «150 т.р. станки», «станки 150к». The
/// amount may come first or last. Whatever looks like money but would not be the amount — a second amount, a bare
/// number after «1 млн», a small bare number — is not folded into the title silently: the reading then carries an
/// <see cref="AmountDoubt"/> with the readings to offer as buttons.
/// </summary>
public static class DealText
{
    /// <summary>Below this a bare number is more likely a count or a slip («150» for «150 т.р.») than a deal's sum.</summary>
    private const decimal SmallBareAmount = 1_000m;

    private static readonly HashSet<string> TrailingLinkWords = new(StringComparer.OrdinalIgnoreCase) { "на", "за", "for", "at", "—", "-", "–" };

    public static DealTextReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (AmountParser.TryParsePrefix(text) is { } first)
        {
            return AmountFirst(text, first);
        }

        var fragments = MoneyFragments(text);
        if (fragments.Count == 1 && IsAtEnd(text, fragments[0]))
        {
            var only = fragments[0];
            return new DealTextReading(only.Amount.Value, Without(text, only), null);
        }

        if (fragments.Count > 0)
        {
            var f = fragments[0];
            return Doubt(null, text, f.Text, [new AmountReading(f.Amount.Value, Without(text, f))]);
        }

        if (TrailingBareNumber(text) is { } bare && bare.Amount.Value >= SmallBareAmount)
        {
            return Doubt(null, text, bare.Text, [new AmountReading(bare.Amount.Value, Without(text, bare))]);
        }

        return new DealTextReading(null, text, null);
    }

    private static DealTextReading AmountFirst(string text, AmountPhrase amount)
    {
        var taken = text[..amount.Length].Trim();
        var title = text[amount.Length..].Trim().TrimStart(',', ';', ':', '—', '–').Trim();
        if (amount.LastScale >= 1_000m && AmountParser.TryParsePrefix(title) is { HasMoneyWord: false } bare
            && bare.Value == decimal.Truncate(bare.Value) && bare.Value < 1_000m && IsDigitsOnly(title[..bare.Length].Trim()))
        {
            // «1 млн 200»: said aloud this is 1 200 000, written it may be 1 000 000 and 200 of something.
            var count = title[..bare.Length].Trim();
            var rest = title[bare.Length..].Trim();
            return Doubt(amount.Value, title, $"{taken} {count}",
                [new AmountReading(amount.Value + (bare.Value * amount.LastScale / 1_000m), rest), new AmountReading(amount.Value, title)]);
        }

        if (!amount.HasMoneyWord && amount.Value < SmallBareAmount)
        {
            return Doubt(amount.Value, title, taken,
                [new AmountReading(amount.Value, title), new AmountReading(amount.Value * 1_000m, title)]);
        }

        if (MoneyFragments(title) is [var second, ..])
        {
            return Doubt(amount.Value, title, second.Text, [new AmountReading(amount.Value, title)]);
        }

        return new DealTextReading(amount.Value, title, null);
    }

    private static DealTextReading Doubt(decimal? amount, string title, string fragment, IReadOnlyList<AmountReading> options) =>
        new(amount, title, new AmountDoubt(fragment, options));

    private sealed record Fragment(int Start, AmountPhrase Amount, string Text)
    {
        public int End => Start + Amount.Length;
    }

    /// <summary>Every run of words that reads as money with a money word in it («150к», «200 тыс», «полтора миллиона»).</summary>
    private static List<Fragment> MoneyFragments(string text)
    {
        var found = new List<Fragment>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1]))
                && AmountParser.TryParsePrefix(text[i..]) is { HasMoneyWord: true } amount)
            {
                found.Add(new Fragment(i, amount, text.Substring(i, amount.Length).Trim()));
                i += amount.Length;
                continue;
            }

            i++;
        }

        return found;
    }

    private static Fragment? TrailingBareNumber(string text)
    {
        var start = text.LastIndexOf(' ') + 1;
        return start > 0 && IsDigitsOnly(text[start..]) && AmountParser.TryParsePrefix(text[start..]) is { } amount
            ? new Fragment(start, amount, text[start..])
            : null;
    }

    private static bool IsAtEnd(string text, Fragment f) => text[f.End..].Trim().TrimEnd('.', ',', '!', ';').Length == 0;

    /// <summary>The text without the fragment, and without a dangling «на»/"for" or punctuation it leaves at the end.</summary>
    private static string Without(string text, Fragment f)
    {
        var before = text[..f.Start].TrimEnd().TrimEnd(',', ':', ';');
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var after = text[f.End..].Trim().TrimStart('.', ',', ';', ':').Trim();
        if (after.Length == 0 && words.Count > 1 && TrailingLinkWords.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return $"{string.Join(' ', words)} {after}".Trim();
    }

    private static bool IsDigitsOnly(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}

/// <summary>What /deal read: the amount (null when none), the title, and a doubt to ask about before anything is stored.</summary>
public sealed record DealTextReading(decimal? Amount, string Title, AmountDoubt? Doubt);

/// <summary>Text that looks like money but was not read as the amount, and the readings to offer (the first is the likeliest).</summary>
public sealed record AmountDoubt(string Fragment, IReadOnlyList<AmountReading> Options);

/// <summary>One way to read /deal's words: this amount, this title.</summary>
public sealed record AmountReading(decimal Amount, string Title);

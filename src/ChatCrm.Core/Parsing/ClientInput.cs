using System.Text.RegularExpressions;
using PhoneNormaliser = ChatCrm.Core.Matching.Phones;

namespace ChatCrm.Core.Parsing;

/// <summary>What /client was given: <c>ООО Ромашка, 8 900 123-45-67, info@romashka.ru, #retail</c>.</summary>
/// <param name="Phones">As typed; the client normalises them (and refuses a bad one by name).</param>
/// <param name="Segment">The text after '#': a segment name, <c>s&lt;id&gt;</c> after a pick, <c>0</c> for none.</param>
/// <param name="Pool">The text ended with «в пул» / "pool": the client goes to the prospect pool, with no owner.</param>
public sealed partial record ClientInput(string Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string? Segment, bool Pool = false)
{
    /// <summary>
    /// «… в пул», «… пул», "… pool", "… to (the) pool" as the last words, after something else. A name that really ends
    /// in the word is written in quotes («Swimming Pool»), which the marker never follows.
    /// </summary>
    [GeneratedRegex(@"[\s,]+(?:(?:в|во|to|into)\s+(?:the\s+)?)?(?:пул|pool)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoolMarker();

    /// <summary>
    /// Comma-separated parts after the name are phones, e-mails or a #segment; a part that is none of those belongs
    /// to the name («Ромашка, ООО»). Without commas the same things are peeled off the end of the text
    /// («Ромашка +79001234567 #retail»).
    /// </summary>
    public static ClientInput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var marker = PoolMarker().Match(text);
        var pool = marker.Success && text[..marker.Index].Trim(' ', ',').Length > 0;
        if (pool)
        {
            text = text[..marker.Index];
        }

        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = new List<string>();
        var phones = new List<string>();
        var emails = new List<string>();
        string? segment = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('#') && part.Length > 1)
            {
                segment = part[1..].Trim();
            }
            else if (part.Contains('@', StringComparison.Ordinal) && !part.Contains(' ', StringComparison.Ordinal))
            {
                emails.Add(part);
            }
            else if (i > 0 && LooksLikePhone(part))
            {
                phones.Add(part);
            }
            else if (i == 0 || phones.Count + emails.Count == 0 && segment is null)
            {
                name.Add(i == 0 ? PeelWords(part, phones, emails, ref segment) : part);
            }
            else
            {
                // Something after the contacts that is none of them: say so rather than fold it into the name.
                phones.Add(part);
            }
        }

        return new ClientInput(string.Join(", ", name.Where(n => n.Length > 0)), phones, emails, segment, pool);
    }

    /// <summary>The same data written the canonical way, so a question can carry it and /client read it back.</summary>
    public string Format(string? segment) =>
        string.Join(", ", new[] { Name }.Concat(Phones).Concat(Emails).Concat(segment is null ? [] : ["#" + segment]).Concat(Pool ? ["pool"] : []));

    private static string PeelWords(string part, List<string> phones, List<string> emails, ref string? segment)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = words.Count - 1; i >= 1; i--)
        {
            if (words[i].StartsWith('#') && words[i].Length > 1)
            {
                segment ??= words[i][1..];
                words.RemoveAt(i);
            }
            else if (words[i].Contains('@', StringComparison.Ordinal))
            {
                emails.Insert(0, words[i]);
                words.RemoveAt(i);
            }
        }

        // A phone is the trailing run of number-like words: «Ромашка 8 900 123-45-67».
        var start = words.Count;
        while (start > 1 && words[start - 1].All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '-'))
        {
            start--;
        }

        // «Завод 1905 8 900 123-45-67»: the longest valid number at the end, else the whole run (refused later by name).
        var valid = Enumerable.Range(start, words.Count - start).FirstOrDefault(s => PhoneNormaliser.Normalise(string.Join(' ', words[s..])) is not null, -1);
        start = valid >= 0 ? valid : start;
        if (start < words.Count && LooksLikePhone(string.Join(' ', words[start..])))
        {
            phones.Insert(0, string.Join(' ', words[start..]));
            words.RemoveRange(start, words.Count - start);
        }

        return string.Join(' ', words);
    }

    private static bool LooksLikePhone(string text) =>
        PhoneNormaliser.Normalise(text) is not null
        || text.Count(char.IsAsciiDigit) >= 7 && text.All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '-' or ' ' or '.');
}

using FuzzySharp;

namespace ChatCrm.Core.Matching;

/// <summary>A client the user may mean: the id and the name as stored.</summary>
public sealed record ClientCandidate(long Id, string Name);

public enum ClientMatchKind
{
    /// <summary>One client, by its whole name (case, quotes, ё and legal forms aside).</summary>
    Exact,

    /// <summary>Several clients share that name: ask with buttons.</summary>
    Ambiguous,

    /// <summary>No name fits, but some are close (a typo): offer them, never pick one silently.</summary>
    Suggestions,
    NotFound,
}

/// <summary>
/// Who the arguments name and what follows the name. <see cref="Ids"/>: one id for Exact, all same-named ones for
/// Ambiguous (ascending), the closest first for Suggestions, none for NotFound.
/// </summary>
public sealed record ClientMatch(ClientMatchKind Kind, IReadOnlyList<long> Ids, string Rest)
{
    /// <summary>The client when the match is exact.</summary>
    public long? Id => Kind == ClientMatchKind.Exact ? Ids[0] : null;
}

/// <summary>Finds the client a command's arguments start with: `/call Ромашка Плюс обсудили цену далее пт`.</summary>
public static class ClientReference
{
    /// <summary>
    /// FuzzySharp ratio (0..100) a typed name needs to be suggested. 85 lets one wrong letter through in a 7-letter
    /// name («Ромашко» → «Ромашка» scores 86) while unrelated words of similar length stay out.
    /// </summary>
    public const int FuzzyThreshold = 85;
    public const int MaxSuggestions = 6;

    private const int MaxFuzzyWords = 3;

    // A typed name may carry legal forms the stored one lacks ("ООО Ромашка" for «Ромашка»), at either end.
    private const int ExtraWordsAllowed = 2;

    /// <summary>
    /// The whole text or, failing that, the longest client name the text starts with (whole words; the rest is
    /// returned as typed); several clients with that name → Ambiguous; else typos of the first 1–3 words →
    /// Suggestions; else NotFound. Names are compared by <see cref="ClientNames.Normalise"/>.
    /// </summary>
    public static ClientMatch Resolve(string argumentText, IReadOnlyList<ClientCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var text = argumentText ?? "";
        var words = WordEnds(text);
        if (words.Count == 0 || candidates.Count == 0)
        {
            return new ClientMatch(ClientMatchKind.NotFound, [], text.Trim());
        }

        var byKey = candidates
            .Select(c => (c.Id, c.Name, Key: ClientNames.Normalise(c.Name)))
            .Where(c => c.Key.Length > 0)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var longestName = candidates.Max(c => WordEnds(c.Name).Count) + ExtraWordsAllowed;
        for (var k = Math.Min(words.Count, longestName); k >= 1; k--)
        {
            if (byKey.TryGetValue(ClientNames.Normalise(text[..words[k - 1]]), out var named))
            {
                var ids = named.Select(c => c.Id).Order().ToList();
                return new ClientMatch(ids.Count == 1 ? ClientMatchKind.Exact : ClientMatchKind.Ambiguous, ids,
                    RestAfter(text, words[k - 1]));
            }
        }

        return Suggest(text, words, byKey);
    }

    private static ClientMatch Suggest(string text, List<int> words,
        Dictionary<string, List<(long Id, string Name, string Key)>> byKey)
    {
        var best = new Dictionary<long, (int Score, int Words, string Name)>();
        for (var k = 1; k <= Math.Min(MaxFuzzyWords, words.Count); k++)
        {
            var typed = ClientNames.Normalise(text[..words[k - 1]]);
            foreach (var (key, clients) in byKey)
            {
                // Our own normalisation already folded case; FuzzySharp's default processing would drop Cyrillic.
                var score = Fuzz.Ratio(typed, key);
                if (score < FuzzyThreshold)
                {
                    continue;
                }

                foreach (var c in clients.Where(c => !best.TryGetValue(c.Id, out var b) || b.Score < score))
                {
                    best[c.Id] = (score, k, c.Name);
                }
            }
        }

        if (best.Count == 0)
        {
            return new ClientMatch(ClientMatchKind.NotFound, [], text.Trim());
        }

        var ranked = best
            .OrderByDescending(b => b.Value.Score)
            .ThenBy(b => b.Value.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(b => b.Key)
            .Take(MaxSuggestions)
            .ToList();
        return new ClientMatch(ClientMatchKind.Suggestions, [.. ranked.Select(r => r.Key)],
            RestAfter(text, words[ranked[0].Value.Words - 1]));
    }

    /// <summary>The index just past each whitespace-separated word.</summary>
    private static List<int> WordEnds(string text)
    {
        var ends = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                ends.Add(i + 1);
            }
        }

        return ends;
    }

    /// <summary>What follows the name, as typed; a separator right after the name («Ромашка — перезвонить») goes with it.</summary>
    private static string RestAfter(string text, int nameEnd)
    {
        var rest = text[nameEnd..].TrimStart();
        if (rest.Length > 0 && rest[0] is '-' or '—' or '–' or ':' or ';' && (rest.Length == 1 || char.IsWhiteSpace(rest[1])))
        {
            rest = rest[1..].TrimStart();
        }

        return rest.TrimEnd();
    }
}

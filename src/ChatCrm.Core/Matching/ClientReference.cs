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

    /// <summary>Suggested names may span a different number of words than the best one.</summary>
    internal IReadOnlyDictionary<long, string> OtherRests { get; init; } = new Dictionary<long, string>();

    /// <summary>
    /// The arguments after the name of the client the user picked from <see cref="Ids"/>: a suggestion that spans
    /// another number of words than the first one leaves another rest.
    /// </summary>
    public string RestFor(long id) => OtherRests.TryGetValue(id, out var rest) ? rest : Rest;
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
    /// Suggestions; else NotFound. Names are compared by <see cref="ClientNames.MatchKey"/>. When a longer name
    /// is a near miss of the words that follow an exact one («Ромашка Плюз» with «Ромашка» and «Ромашка Плюс»),
    /// both are offered as Suggestions rather than silently taking the shorter.
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
            .Select(c => (c.Id, c.Name, Key: ClientNames.MatchKey(c.Name)))
            .Where(c => c.Key.Length > 0)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var longestName = candidates.Max(c => WordEnds(c.Name).Count) + ExtraWordsAllowed;
        for (var k = Math.Min(words.Count, longestName); k >= 1; k--)
        {
            var typed = ClientNames.MatchKey(text[..words[k - 1]]);
            if (byKey.TryGetValue(typed, out var named))
            {
                var ids = named.Select(c => c.Id).Order().ToList();
                var longer = Fuzzy(text, words, byKey, k + 1, k + ExtraWordsAllowed, key => WordCount(key) > WordCount(typed));
                if (longer.Count > 0)
                {
                    // «Ромашка Плюз звонок»: «Ромашка» is there word for word, but «Ромашка Плюс» may be meant.
                    var all = longer.Concat(ids.Select(id => (Id: id, Words: k))).ToList();
                    return Suggestions(text, words, all);
                }

                return new ClientMatch(ids.Count == 1 ? ClientMatchKind.Exact : ClientMatchKind.Ambiguous, ids,
                    RestAfter(text, words[k - 1]));
            }
        }

        var typos = Fuzzy(text, words, byKey, 1, MaxFuzzyWords, _ => true);
        return typos.Count > 0
            ? Suggestions(text, words, typos)
            : new ClientMatch(ClientMatchKind.NotFound, [], text.Trim());
    }

    private static ClientMatch Suggestions(string text, List<int> words, List<(long Id, int Words)> ranked)
    {
        var top = ranked.Take(MaxSuggestions).ToList();
        return new ClientMatch(ClientMatchKind.Suggestions, [.. top.Select(r => r.Id)], RestAfter(text, words[top[0].Words - 1]))
        {
            OtherRests = top.Skip(1).ToDictionary(r => r.Id, r => RestAfter(text, words[r.Words - 1])),
        };
    }

    /// <summary>
    /// Clients whose name is close (≥ <see cref="FuzzyThreshold"/>) to the first <paramref name="fromWords"/>..
    /// <paramref name="toWords"/> words, best first, each with the number of words its best score took.
    /// </summary>
    private static List<(long Id, int Words)> Fuzzy(string text, List<int> words,
        Dictionary<string, List<(long Id, string Name, string Key)>> byKey, int fromWords, int toWords,
        Func<string, bool> keyFilter)
    {
        var best = new Dictionary<long, (int Score, int Words, string Name)>();
        for (var k = fromWords; k <= Math.Min(toWords, words.Count); k++)
        {
            var typed = ClientNames.MatchKey(text[..words[k - 1]]);
            foreach (var (key, clients) in byKey.Where(e => keyFilter(e.Key)))
            {
                // Unprocessed on purpose: our key already folded case, and FuzzySharp's PreprocessMode.Full keeps
                // only Latin letters and digits, so every Cyrillic name would score 0.
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

        return
        [
            .. best
                .OrderByDescending(b => b.Value.Score)
                .ThenBy(b => b.Value.Name, StringComparer.CurrentCultureIgnoreCase)
                .ThenBy(b => b.Key)
                .Select(b => (b.Key, b.Value.Words)),
        ];
    }

    private static int WordCount(string key) => key.Count(c => c == ' ') + 1;

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

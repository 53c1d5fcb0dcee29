using FuzzySharp;

namespace ChatCrm.Core.Matching;

/// <summary>A client the user may mean: the id, the name as stored and its phones (E.164) and e-mails.</summary>
public sealed record ClientCandidate(long Id, string Name, IReadOnlyList<string>? Phones = null, IReadOnlyList<string>? Emails = null);

/// <summary>
/// What to fetch from the store for a command's arguments, each an index range of <see cref="ClientSearchKeys"/>:
/// name words starting with <see cref="WordStart"/> (null: the text starts with no word), failing those words
/// starting with <see cref="TypoStart"/> (for typos), phones ending in any of <see cref="PhoneTails"/>, the
/// address <see cref="Email"/>.
/// </summary>
public sealed record ClientSearch(string? WordStart, string? TypoStart, IReadOnlyList<string> PhoneTails, string? Email);

public enum ClientMatchKind
{
    /// <summary>
    /// One client: by its whole name (case, quotes, ё and legal forms aside), by a word, a form or the start of a
    /// word of its name that no other client's fits as well, by a phone's last digits or an e-mail.
    /// </summary>
    Exact,

    /// <summary>Several clients fit equally well: ask with buttons.</summary>
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

    /// <summary>The shortest start of a word that names a client by it («Ива» for «Иванов»); shorter starts are notes («в», «пт»).</summary>
    public const int MinWordStart = 3;

    private const int MaxFuzzyWords = 3;

    // A typed name may carry legal forms the stored one lacks ("ООО Ромашка" for «Ромашка»), at either end.
    private const int ExtraWordsAllowed = 2;

    // The most words a reference by words («Петр Иванов» for «Иванов Петр») or a phone («+7 900 123 45 67») spans.
    private const int MaxReferenceWords = 5;

    private enum Fit
    {
        Start = 1,
        Form = 2,
        Word = 3,
    }

    /// <summary>What the store must hand <see cref="Resolve"/> for <paramref name="argumentText"/>: see <see cref="ClientSearch"/>.</summary>
    public static ClientSearch SearchFor(string argumentText)
    {
        var text = argumentText ?? "";
        var words = WordEnds(text);
        var email = words.Count > 0 ? EmailAt(text, words) : null;
        // An address names its client alone; its letters are no name to look up.
        var first = email is null ? FirstNameWord(text, words) : null;
        return new ClientSearch(
            first is null ? null : WordForms.SearchStem(first),
            first is null ? null : first[..Math.Min(MinWordStart, first.Length)],
            [.. PhoneRuns(text, words).Select(r => r.Digits).Distinct(StringComparer.Ordinal)],
            email);
    }

    /// <summary>
    /// In this order: an e-mail as the first word; the whole text or, failing that, the longest client name the text
    /// starts with (whole words; the rest is returned as typed; several clients with that name → Ambiguous); the
    /// last digits of a phone (at least <see cref="ClientSearchKeys.MinPhoneDigits"/>); the most words that each name
    /// a different word of one client's name — exactly, in another case («Ромашке») or by its start («Ива») — the
    /// exact fit before a form before a start, a name the words cover whole before a longer one with the same words, several equally good → Ambiguous; else typos of the first 1–3 words →
    /// Suggestions; else NotFound. Names are compared by <see cref="ClientNames.MatchKey"/>. When a longer name
    /// is a near miss of the words that follow a fitting one («Ромашка Плюз» with «Ромашка» and «Ромашка Плюс»),
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

        if (EmailAt(text, words) is { } email)
        {
            var ids = candidates.Where(c => c.Emails?.Contains(email, StringComparer.Ordinal) == true).Select(c => c.Id).Distinct().Order().ToList();
            return ids.Count == 0 ? new ClientMatch(ClientMatchKind.NotFound, [], text.Trim()) : Settled(ids, RestAfter(text, words[0]));
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
                return WithLongerNearMisses(text, words, byKey, k, WordCount(typed), [.. named.Select(c => c.Id).Order()]);
            }
        }

        foreach (var (digits, k) in PhoneRuns(text, words))
        {
            var ids = candidates
                .Where(c => c.Phones?.Any(p => ClientSearchKeys.Digits(p).EndsWith(digits, StringComparison.Ordinal)) == true)
                .Select(c => c.Id).Distinct().Order().ToList();
            if (ids.Count > 0)
            {
                return Settled(ids, RestAfter(text, words[k - 1]));
            }
        }

        if (ByWords(text, words, candidates) is { } byWords)
        {
            return WithLongerNearMisses(text, words, byKey, byWords.Words, byWords.Words, byWords.Ids);
        }

        var typos = Fuzzy(text, words, byKey, 1, MaxFuzzyWords, _ => true);
        return typos.Count > 0
            ? Suggestions(text, words, typos)
            : new ClientMatch(ClientMatchKind.NotFound, [], text.Trim());
    }

    /// <summary>
    /// The clients named by the first <paramref name="k"/> words, unless a longer name is a near miss of the words
    /// that follow («Ромашка Плюз звонок»: «Ромашка» is there word for word, but «Ромашка Плюс» may be meant).
    /// </summary>
    private static ClientMatch WithLongerNearMisses(string text, List<int> words,
        Dictionary<string, List<(long Id, string Name, string Key)>> byKey, int k, int nameWords, List<long> ids)
    {
        var longer = Fuzzy(text, words, byKey, k + 1, k + ExtraWordsAllowed, key => WordCount(key) > nameWords);
        if (longer.Count > 0)
        {
            var all = longer.Concat(ids.Where(id => longer.All(l => l.Id != id)).Select(id => (Id: id, Words: k))).ToList();
            return Suggestions(text, words, all);
        }

        return Settled(ids, RestAfter(text, words[k - 1]));
    }

    private static ClientMatch Settled(List<long> ids, string rest) =>
        new(ids.Count == 1 ? ClientMatchKind.Exact : ClientMatchKind.Ambiguous, ids, rest);

    /// <summary>
    /// The most leading words (up to <see cref="MaxReferenceWords"/>) that each fit a different word of some client's
    /// name, and the clients they fit best: every word's fit counts only as good as the weakest of them.
    /// </summary>
    private static (int Words, List<long> Ids)? ByWords(string text, List<int> words, IReadOnlyList<ClientCandidate> candidates)
    {
        var names = candidates.Select(c => (c.Id, Words: ClientNames.MatchKey(c.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        for (var k = Math.Min(words.Count, MaxReferenceWords); k >= 1; k--)
        {
            var typed = ClientNames.MatchKey(text[..words[k - 1]]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (typed.Length == 0)
            {
                continue;
            }

            var fits = names
                .Select(n => (n.Id, Fit: FitOf(typed, n.Words, out var used), Used: used, Whole: typed.Length == n.Words.Length))
                .Where(f => f.Fit is not null)
                .ToList();
            if (fits.Count == 0)
            {
                continue;
            }

            var best = fits.Max(f => f.Fit!.Value);
            var top = fits.Where(f => f.Fit == best).ToList();
            if (best != Fit.Start)
            {
                // «Ромашке» fits «Ромашка» whole and «Ромашка Плюс» by the same word: the whole name is meant, as it
                // would be typed in full. Different words («Кузнецову»: «Кузнецов», «Кузнецова») still ask.
                var wholes = top.Where(f => f.Whole).Select(f => f.Used).ToList();
                top = [.. top.Where(f => f.Whole || !wholes.Any(w => w.SequenceEqual(f.Used)))];
            }

            return (k, [.. top.Select(f => f.Id).Distinct().Order()]);
        }

        return null;
    }

    /// <summary>How well the typed words fit a name's words, each a different one; null when one of them fits none.</summary>
    private static Fit? FitOf(string[] typed, string[] name, out string[] usedWords)
    {
        usedWords = [];
        var used = new bool[name.Length];
        var weakest = Fit.Word;
        foreach (var t in typed)
        {
            var bestAt = -1;
            Fit? best = null;
            for (var i = 0; i < name.Length; i++)
            {
                if (used[i])
                {
                    continue;
                }

                Fit? fit = t == name[i] ? Fit.Word
                    : WordForms.IsFormOf(t, name[i]) ? Fit.Form
                    : t.Length >= MinWordStart && name[i].StartsWith(t, StringComparison.Ordinal) ? Fit.Start
                    : null;
                if (fit > best || (fit is not null && best is null))
                {
                    (best, bestAt) = (fit, i);
                }
            }

            if (best is null)
            {
                return null;
            }

            used[bestAt] = true;
            weakest = best.Value < weakest ? best.Value : weakest;
        }

        usedWords = [.. name.Where((_, i) => used[i]).Order(StringComparer.Ordinal)];
        return weakest;
    }

    /// <summary>The first word when it is an e-mail address (a trailing comma or colon aside), normalised.</summary>
    private static string? EmailAt(string text, List<int> words)
    {
        var first = text[..words[0]].Trim().TrimEnd(',', ';', ':');
        return first.Contains('@', StringComparison.Ordinal) ? Emails.Normalise(first) : null;
    }

    /// <summary>
    /// The leading words made of phone characters (digits, +, -, parentheses), longest run first, with at least
    /// <see cref="ClientSearchKeys.MinPhoneDigits"/> digits: a whole number is read as one (`8 900…` is `+7900…`).
    /// </summary>
    private static List<(string Digits, int Words)> PhoneRuns(string text, List<int> words)
    {
        var run = 0;
        while (run < Math.Min(words.Count, MaxReferenceWords)
               && text[(run == 0 ? 0 : words[run - 1])..words[run]].Trim() is { Length: > 0 } w
               && w.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')')
               && w.Any(char.IsAsciiDigit))
        {
            run++;
        }

        var runs = new List<(string, int)>();
        for (var k = run; k >= 1; k--)
        {
            var typed = text[..words[k - 1]];
            var digits = Phones.Normalise(typed) is { } e164 ? ClientSearchKeys.Digits(e164) : ClientSearchKeys.Digits(typed);
            if (digits.Length >= ClientSearchKeys.MinPhoneDigits)
            {
                runs.Add((digits, k));
            }
        }

        return runs;
    }

    /// <summary>The first word of the name the text starts with, legal forms («ООО») skipped; null when there is none.</summary>
    private static string? FirstNameWord(string text, List<int> words)
    {
        for (var i = 0; i < Math.Min(words.Count, ExtraWordsAllowed + 1); i++)
        {
            var token = text[(i == 0 ? 0 : words[i - 1])..words[i]];
            var key = ClientNames.MatchKey(token).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (key.Length > 0 && !ClientNames.IsLegalForm(key[0]))
            {
                return key[0];
            }
        }

        return null;
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

using ChatCrm.Core.Matching;
using FuzzySharp;

namespace ChatCrm.Core.Spreadsheets;

/// <summary>Why an imported row looks like a client we have, or like an earlier row of the same file.</summary>
public enum DuplicateClass
{
    /// <summary>A new client.</summary>
    None = 0,

    /// <summary>Same phone, e-mail or folded name as an earlier row of the file.</summary>
    InFile = 1,

    /// <summary>An existing client has one of the row's phones.</summary>
    BasePhone = 2,

    /// <summary>An existing client has one of the row's e-mails.</summary>
    BaseEmail = 3,

    /// <summary>An existing client's name is the same after folding, or nearly (same first word, close spelling).</summary>
    SimilarName = 4,
}

/// <summary>What to do with the rows of one <see cref="DuplicateClass"/>.</summary>
public enum DuplicateChoice
{
    /// <summary>Add what the row has and the client lacks (phones, e-mails, city, note, person); the owner stays.</summary>
    Merge = 1,
    Skip = 2,
    Create = 3,
}

/// <summary>An existing client a row matched, and how.</summary>
public sealed record BaseMatch(long ClientId, DuplicateClass Class);

/// <summary>
/// The keys of the rows seen so far in a file: a later row sharing a normalised phone, an e-mail or a
/// <see cref="ClientNames.MatchKey"/> with one of them repeats it.
/// </summary>
public sealed class FileKeys
{
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public bool Repeats(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Phones.Any(_phones.Contains) || row.Emails.Any(_emails.Contains) || _names.Contains(ClientNames.MatchKey(row.Name));
    }

    public void Add(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _phones.UnionWith(row.Phones);
        _emails.UnionWith(row.Emails);
        _names.Add(ClientNames.MatchKey(row.Name));
    }
}

/// <summary>
/// The existing clients a batch of rows may match, as the store found them by index (each phone's and e-mail's search
/// key, each name's first word): no row is compared with every client.
/// </summary>
public sealed class BaseIndex
{
    private readonly Dictionary<string, long> _phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _emails = new(StringComparer.Ordinal);
    // Per first word, the clients' compact keys (the match key without spaces) in ordinal order, for the neighbour window.
    private readonly Dictionary<string, List<(string Compact, long Id, string MatchKey)>> _byFirstWord = new(StringComparer.Ordinal);

    /// <summary>
    /// How many names on each side of a row's place in the sorted compact keys are compared: near-identical names sort
    /// next to each other, so a row costs a binary search and a few dozen ratios, not one per client sharing its first
    /// word (which made an import quadratic as the base grew).
    /// </summary>
    public const int NeighbourWindow = 24;

    /// <param name="phones">E.164 phone → a client having it (the lowest id wins).</param>
    /// <param name="emails">Normalised e-mail → a client having it.</param>
    /// <param name="names">Clients whose name shares a word with a row's name, with their <see cref="ClientNames.MatchKey"/>.</param>
    public BaseIndex(IEnumerable<(string Phone, long Id)> phones, IEnumerable<(string Email, long Id)> emails, IEnumerable<(long Id, string MatchKey)> names)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (phone, id) in phones.OrderBy(p => p.Id))
        {
            _phones.TryAdd(phone, id);
        }

        foreach (var (email, id) in emails.OrderBy(e => e.Id))
        {
            _emails.TryAdd(email, id);
        }

        foreach (var (id, key) in names.DistinctBy(n => n.Id).OrderBy(n => n.Id))
        {
            var first = FirstWord(key);
            if (first.Length == 0)
            {
                continue;
            }

            if (!_byFirstWord.TryGetValue(first, out var list))
            {
                _byFirstWord[first] = list = [];
            }

            list.Add((Compact(key), id, key));
        }

        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => a.Compact.Equals(b.Compact, StringComparison.Ordinal) ? a.Id.CompareTo(b.Id) : string.CompareOrdinal(a.Compact, b.Compact));
        }
    }

    public static BaseIndex Empty { get; } = new([], [], []);

    /// <summary>
    /// The client <paramref name="row"/> matches among those with an id up to <paramref name="maxId"/>: phone first,
    /// then e-mail, then the same folded name, then a near-identical one (same first word, FuzzySharp ratio of the
    /// compact keys ≥ <see cref="DuplicateCheck.NameThreshold"/>).
    /// </summary>
    public BaseMatch? Find(ImportRow row, long maxId = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var phone in row.Phones)
        {
            if (_phones.TryGetValue(phone, out var id) && id <= maxId)
            {
                return new BaseMatch(id, DuplicateClass.BasePhone);
            }
        }

        foreach (var email in row.Emails)
        {
            if (_emails.TryGetValue(email, out var id) && id <= maxId)
            {
                return new BaseMatch(id, DuplicateClass.BaseEmail);
            }
        }

        var key = ClientNames.MatchKey(row.Name);
        if (!_byFirstWord.TryGetValue(FirstWord(key), out var candidates))
        {
            return null;
        }

        // The same folded name first: its compact key sorts at the row's place, the lowest id first.
        var compact = Compact(key);
        var at = LowerBound(candidates, compact);
        for (var i = at; i < candidates.Count && candidates[i].Compact == compact; i++)
        {
            if (candidates[i].Id <= maxId && candidates[i].MatchKey == key)
            {
                return new BaseMatch(candidates[i].Id, DuplicateClass.SimilarName);
            }
        }

        long? best = null;
        var bestScore = 0;
        for (var i = Math.Max(0, at - NeighbourWindow); i < Math.Min(candidates.Count, at + NeighbourWindow); i++)
        {
            var (other, id, _) = candidates[i];
            if (id > maxId || Math.Abs(other.Length - compact.Length) > other.Length / 4 + 1)
            {
                continue;
            }

            var score = Fuzz.Ratio(compact, other);
            if (score >= DuplicateCheck.NameThreshold && (score > bestScore || (score == bestScore && id < best)))
            {
                (best, bestScore) = (id, score);
            }
        }

        return best is { } found ? new BaseMatch(found, DuplicateClass.SimilarName) : null;
    }

    private static string Compact(string matchKey) => matchKey.Replace(" ", "", StringComparison.Ordinal);

    private static int LowerBound(List<(string Compact, long Id, string MatchKey)> sorted, string compact)
    {
        var (lo, hi) = (0, sorted.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(sorted[mid].Compact, compact) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The first word of a <see cref="ClientNames.MatchKey"/>: the word a near-identical name must share.</summary>
    public static string FirstWord(string matchKey)
    {
        ArgumentNullException.ThrowIfNull(matchKey);
        var space = matchKey.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? matchKey : matchKey[..space];
    }
}

/// <summary>Decides each row's class: a repeat inside the file first (so the first of a repeated pair is the one imported), then the base.</summary>
public static class ImportDuplicates
{
    /// <summary>
    /// The class of <paramref name="row"/>, given the rows before it (<paramref name="seen"/>, which this adds it to) and
    /// the clients that existed before the import (id ≤ <paramref name="baseline"/>).
    /// </summary>
    public static (DuplicateClass Class, BaseMatch? Match) Classify(ImportRow row, FileKeys seen, BaseIndex existing, long baseline)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(existing);
        var repeats = seen.Repeats(row);
        seen.Add(row);
        if (repeats)
        {
            return (DuplicateClass.InFile, null);
        }

        var match = existing.Find(row, baseline);
        return (match?.Class ?? DuplicateClass.None, match);
    }

    /// <summary>The sensible answers before anyone is asked: in-file repeats merge into the first, base matches merge.</summary>
    public static DuplicateChoice DefaultChoice(DuplicateClass @class) => DuplicateChoice.Merge;
}

namespace ChatCrm.Core.Matching;

/// <summary>
/// Whether a typed word is a case form of a stored name word: «Ромашке», «Ромашку», «Ромашкой» of «Ромашка»,
/// «Иванову», «Ивановым» of «Иванов». Deliberately small: each stored ending admits only the endings of its own
/// declension, and the stem must keep three letters, so «Ромашкин» is not «Ромашка», «Ивановым» not «Иван», and a
/// typo («Ромашко») stays a typo for the fuzzy match to offer rather than a silent pick.
/// </summary>
public static class WordForms
{
    private const int MinStem = 3;

    // The stored word's ending and the endings its other singular cases take (plus the plural nominative «Ромашки»).
    private static readonly (string Stored, string[] Forms)[] Declensions =
    [
        ("ая", ["ой", "ую", "ою"]),
        ("яя", ["ей", "юю", "ею"]),
        ("ый", ["ого", "ому", "ым", "ом"]),
        ("ий", ["его", "ему", "им", "ем", "ого", "ому", "ом"]),
        ("ой", ["ого", "ому", "ым", "ом"]),
        ("а", ["ы", "и", "е", "у", "ой", "ою"]),
        ("я", ["и", "е", "ю", "ей", "ею"]),
        ("ь", ["я", "ю", "ем", "е", "и", "ью"]),
        ("й", ["я", "ю", "ем", "е"]),
        ("о", ["а", "у", "ом", "е"]),
        ("", ["а", "у", "ом", "ым", "е"]),
    ];

    private static readonly string[] AllForms = [.. Declensions.SelectMany(d => d.Forms).Distinct().OrderByDescending(f => f.Length)];

    /// <summary>
    /// True when <paramref name="typed"/> is <paramref name="stored"/> in another case (both as <see cref="ClientNames.MatchKey"/>
    /// words, so lower case, ё as е). A word is not its own form: equality is the caller's exact match.
    /// </summary>
    public static bool IsFormOf(string typed, string stored)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(stored);
        if (typed == stored)
        {
            return false;
        }

        foreach (var (ending, forms) in Declensions)
        {
            if (!stored.EndsWith(ending, StringComparison.Ordinal) || (ending.Length == 0 && !EndsWithConsonant(stored)))
            {
                continue;
            }

            var stem = stored[..^ending.Length];
            if (stem.Length < MinStem || !typed.StartsWith(stem, StringComparison.Ordinal))
            {
                continue;
            }

            var typedEnding = typed[stem.Length..];
            if (typedEnding == ending || forms.Contains(typedEnding, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The shortest start every stored word that <paramref name="typed"/> could be a form of begins with: the search
    /// key for an index range. The typed word itself when it carries no case ending.
    /// </summary>
    public static string SearchStem(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        foreach (var form in AllForms)
        {
            if (typed.Length - form.Length >= MinStem && typed.EndsWith(form, StringComparison.Ordinal))
            {
                return typed[..^form.Length];
            }
        }

        return typed;
    }

    private static bool EndsWithConsonant(string word) =>
        word.Length > 0 && word[^1] is >= 'б' and <= 'щ' && word[^1] is not ('е' or 'и' or 'о' or 'у' or 'й');
}

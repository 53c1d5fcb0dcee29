using System.Text;

namespace ChatCrm.Core.Matching;

/// <summary>
/// The comparison keys of a client name. <see cref="Normalise"/>: «ООО "Ромашка"», «ромашка» and «РОМАШКА, ООО» are
/// all `ромашка` (the sort and search key). <see cref="MatchKey"/> also folds the Latin letters that look like
/// Cyrillic ones, so «Ромашкa» with a Latin «a» is the same client: used for duplicate checks and for recognising
/// a client at the start of a command.
/// </summary>
public static class ClientNames
{
    private static readonly string[] LegalFormWords =
    [
        "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "тоо", "ано", "нко",
        "llc", "ltd", "inc", "gmbh", "corp", "co", "plc", "llp", "ag",
    ];

    private static readonly HashSet<string> LegalForms = new(LegalFormWords, StringComparer.Ordinal);

    // Compared after folding, so «ООО» typed in Latin letters («OOO») is a legal form too.
    private static readonly HashSet<string> FoldedLegalForms = new(LegalFormWords.Select(FoldLetters), StringComparer.Ordinal);

    /// <summary>
    /// ё→е, lower case (invariant), quotes «»"'„“”‘’` removed, other punctuation and symbols treated as spaces, legal
    /// forms (ООО, ОАО, ЗАО, ПАО, АО, ИП, LLC, Ltd, Inc, GmbH…) dropped at either end, spaces collapsed. May be empty.
    /// </summary>
    public static string Normalise(string? name) => Key(name, fold: false);

    /// <summary>
    /// <see cref="Normalise"/> with look-alike Latin letters folded into Cyrillic ones (a/а, o/о, e/е, c/с, p/р,
    /// x/х, y/у, k/к, m/м, t/т, h/н, b/в, i/і…), legal forms recognised in either alphabet. Words stay apart.
    /// </summary>
    public static string MatchKey(string? name) => Key(name, fold: true);

    /// <summary>True for a word of a <see cref="MatchKey"/> that is a legal form («ооо», «llc» in folded letters).</summary>
    public static bool IsLegalForm(string matchKeyWord) => FoldedLegalForms.Contains(matchKeyWord);

    /// <summary><see cref="MatchKey"/> without its spaces: «Рома шка» and «Ромашка» are the same client to the duplicate check.</summary>
    public static string Compact(string? name) => MatchKey(name).Replace(" ", "", StringComparison.Ordinal);

    private static string Key(string? name, bool fold)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            switch (c)
            {
                case 'ё' or 'Ё':
                    sb.Append('е');
                    break;
                case '«' or '»' or '"' or '\'' or '„' or '“' or '”' or '‘' or '’' or '`' or '‹' or '›' or '′':
                    break;
                default:
                    sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
                    break;
            }
        }

        var lower = sb.ToString().ToLowerInvariant();
        var words = (fold ? FoldLetters(lower) : lower).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var forms = fold ? FoldedLegalForms : LegalForms;
        var start = 0;
        var end = words.Length;
        // Keep a lone legal form ("ИП") rather than reduce the name to nothing.
        while (end - start > 1 && forms.Contains(words[start]))
        {
            start++;
        }

        while (end - start > 1 && forms.Contains(words[end - 1]))
        {
            end--;
        }

        return string.Join(' ', words[start..end]);
    }

    /// <summary>Lower-case Latin letters that look like Cyrillic ones (in either case) become those Cyrillic letters.</summary>
    private static string FoldLetters(string lower)
    {
        var chars = lower.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'a' => 'а',
                'b' => 'в',
                'c' => 'с',
                'e' => 'е',
                'h' => 'н',
                'i' => 'і',
                'k' => 'к',
                'm' => 'м',
                'o' => 'о',
                'p' => 'р',
                't' => 'т',
                'x' => 'х',
                'y' => 'у',
                'ѕ' => 's',
                'ј' => 'j',
                var c => c,
            };
        }

        return new string(chars);
    }
}

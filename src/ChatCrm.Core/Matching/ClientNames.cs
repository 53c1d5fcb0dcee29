using System.Text;

namespace ChatCrm.Core.Matching;

/// <summary>
/// The comparison key of a client name: «ООО "Ромашка"», «ромашка» and «РОМАШКА, ООО» are all `ромашка`.
/// Used for duplicate checks, search and for recognising a client at the start of a command.
/// </summary>
public static class ClientNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ооо", "оао", "зао", "пао", "ао", "ип", "llc", "ltd", "inc",
    };

    /// <summary>
    /// ё→е, lower case (invariant), quotes «»"'„“”‘’` removed, commas and dots treated as spaces, legal forms
    /// (ООО, ОАО, ЗАО, ПАО, АО, ИП, LLC, Ltd, Inc) dropped at either end, spaces collapsed. May be empty.
    /// </summary>
    public static string Normalise(string? name)
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
                case '«' or '»' or '"' or '\'' or '„' or '“' or '”' or '‘' or '’' or '`':
                    break;
                case ',' or '.':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        var words = sb.ToString().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        var end = words.Length;
        // Keep a lone legal form ("ИП") rather than reduce the name to nothing.
        while (end - start > 1 && LegalForms.Contains(words[start]))
        {
            start++;
        }

        while (end - start > 1 && LegalForms.Contains(words[end - 1]))
        {
            end--;
        }

        return string.Join(' ', words[start..end]);
    }
}

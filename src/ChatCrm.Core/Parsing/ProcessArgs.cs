using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Parsing;

/// <summary>
/// The keywords of the process commands, in Russian and English. Keywords are whole words; the value of
/// a keyword runs to the next keyword, so stage names may have several words.
/// </summary>
public static partial class ProcessArgs
{
    public static readonly string[] After = ["after", "после"];
    public static readonly string[] Days = ["days", "day", "дней", "дня", "день", "дн"];
    public static readonly string[] Prob = ["prob", "probability", "вер", "вероятность"];
    public static readonly string[] To = ["to", "в", "на"];
    public static readonly string[] Cycle = ["cycle", "цикл"];

    /// <summary>Words meaning "no limit" where a number of days is expected.</summary>
    private static readonly string[] NoLimit = ["0", "-", "нет", "no", "off", "none", "без"];

    public static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The first word (a sub-command such as add or remove) and the rest.</summary>
    public static (string Verb, string Remainder) Verb(string args)
    {
        var parts = args.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => ("", ""),
            1 => (parts[0].ToLowerInvariant(), ""),
            _ => (parts[0].ToLowerInvariant(), parts[1]),
        };
    }

    /// <summary>
    /// Splits "Демо после Квалификация дней 5" into the head ("Демо") and the value of each keyword found
    /// ({After: "Квалификация", Days: "5"}). Each keyword counts once: its first occurrence.
    /// </summary>
    public static (string Head, Dictionary<string[], string> Values) Split(string text, params string[][] keywords)
    {
        var words = Words(text);
        var marks = new List<(int Index, string[] Keyword)>();
        foreach (var keyword in keywords)
        {
            var index = Array.FindIndex(words, w => keyword.Contains(w, StringComparer.OrdinalIgnoreCase));
            if (index >= 0)
            {
                marks.Add((index, keyword));
            }
        }

        marks.Sort((a, b) => a.Index.CompareTo(b.Index));
        var head = string.Join(' ', words.Take(marks.Count > 0 ? marks[0].Index : words.Length));
        var values = new Dictionary<string[], string>();
        for (var i = 0; i < marks.Count; i++)
        {
            var end = i + 1 < marks.Count ? marks[i + 1].Index : words.Length;
            values[marks[i].Keyword] = string.Join(' ', words[(marks[i].Index + 1)..end]);
        }

        return (head, values);
    }

    /// <summary>A whole number, tolerating a trailing % («50%»); null otherwise.</summary>
    public static int? Number(string? text)
    {
        var t = text?.Trim().TrimEnd('%');
        return int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>Days allowed in a stage: a number, or 0/«нет»/off for no limit. False when unreadable.</summary>
    public static bool TryDays(string? text, out int? days)
    {
        days = null;
        if (text is null)
        {
            return false;
        }

        if (NoLimit.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        days = Number(text);
        return days is not null;
    }

    [GeneratedRegex(@"^#([a-z])(\d+)$")]
    private static partial Regex IdRef();

    /// <summary>Reads the <c>#s12</c> form buttons put in re-run arguments: a letter for the kind, then an id.</summary>
    public static long? Id(string text, char kind) =>
        IdRef().Match(text.Trim()) is { Success: true } m && m.Groups[1].Value[0] == kind
            ? long.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var id) ? id : 0 // too large: no such row
            : null;

    public static string Ref(char kind, long id) => $"#{kind}{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Case-insensitive name equality the way users mean it (Cyrillic included).</summary>
    public static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.CurrentCultureIgnoreCase);

    /// <summary>Candidates for a misspelt name: containing a typed word first, then everything else.</summary>
    public static IEnumerable<T> Suggest<T>(IEnumerable<T> items, Func<T, string> name, string query)
    {
        var words = Words(query).Where(w => w.Length >= 2).ToArray();
        return items
            .OrderByDescending(i => words.Count(w => name(i).Contains(w, StringComparison.CurrentCultureIgnoreCase)
                || w.Contains(name(i), StringComparison.CurrentCultureIgnoreCase)
                || (w.Length >= 3 && name(i).StartsWith(w[..3], StringComparison.CurrentCultureIgnoreCase))))
            .ThenBy(name, StringComparer.CurrentCultureIgnoreCase);
    }
}

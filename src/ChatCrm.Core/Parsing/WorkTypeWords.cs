using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Parsing;

/// <summary>How people name a work type in a command: «/log звонок», «/plan Ромашка встреча пт 11:00».</summary>
public static class WorkTypeWords
{
    /// <summary>Words people use for the default work types in either language.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["звонок"] = "call", ["позвонить"] = "call", ["созвон"] = "call", ["перезвонить"] = "call", ["перезвоню"] = "call",
        ["набрать"] = "call", ["наберу"] = "call", ["созвониться"] = "call", ["созвонимся"] = "call", ["callback"] = "call",
        ["встреча"] = "meeting", ["meet"] = "meeting", ["встретиться"] = "meeting", ["встретимся"] = "meeting",
        ["демо"] = "demo", ["презентация"] = "demo",
        ["письмо"] = "email", ["e-mail"] = "email", ["mail"] = "email", ["почта"] = "email", ["написать"] = "email",
        ["напишу"] = "email",
    };

    /// <summary>
    /// The work type <paramref name="word"/> names among <paramref name="live"/>: by its code («call»), its name
    /// («Звонок», any case) or an alias of a default one, so the defaults are found by their code whatever language
    /// the company set them up in. Null for an empty word or no match.
    /// </summary>
    public static WorkType? Match(IReadOnlyList<WorkType> live, string word)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(word);
        var key = word.Trim().ToLowerInvariant();
        if (key.Length == 0)
        {
            return null;
        }

        return live.FirstOrDefault(w => w.Code == key)
            ?? live.FirstOrDefault(w => BuiltInNames.Matches(w.Name, key))
            ?? (Aliases.TryGetValue(key, out var code) ? live.FirstOrDefault(w => w.Code == code) : null);
    }
}

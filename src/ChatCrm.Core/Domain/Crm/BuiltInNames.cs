using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// The built-in cycle, stages, work types and lost reasons (<see cref="DefaultSetup"/>) have a name in each language:
/// «Предложение» is also "Proposal", so an English manager's <c>/move 2 Proposal</c> finds the stage a Russian company
/// was seeded with, and sees it as "Proposal". Only the seeded names have a second name; a name an admin typed
/// stays as typed (a rename makes a built-in an admin's name). No schema: the pairs are the seed itself.
/// </summary>
public static class BuiltInNames
{
    private static readonly Dictionary<string, (string Ru, string En)> Pairs = Build();

    /// <summary>The name as <paramref name="language"/> says it: the built-in's own name there, any other name as stored.</summary>
    public static string Show(string stored, Language language) =>
        Pairs.TryGetValue(stored, out var pair) ? (language == Language.En ? pair.En : pair.Ru) : stored;

    /// <summary>Every name <paramref name="stored"/> answers to: itself, and for a built-in its name in the other language.</summary>
    public static IReadOnlyList<string> NamesOf(string stored) =>
        Pairs.TryGetValue(stored, out var pair) ? [stored, string.Equals(stored, pair.Ru, StringComparison.Ordinal) ? pair.En : pair.Ru] : [stored];

    /// <summary>Whether <paramref name="typed"/> names <paramref name="stored"/> in either language (any letter case).</summary>
    public static bool Matches(string stored, string typed) =>
        NamesOf(stored).Any(n => string.Equals(n, typed.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, (string Ru, string En)> Build()
    {
        var ru = DefaultSetup.For(Language.Ru);
        var en = DefaultSetup.For(Language.En);
        var pairs = new List<(string Ru, string En)> { (ru.Cycle.Name, en.Cycle.Name) };
        pairs.AddRange(ru.Cycle.Stages.Zip(en.Cycle.Stages, (r, e) => (r.Name, e.Name)));
        pairs.AddRange(ru.WorkTypes.Join(en.WorkTypes, r => r.Code, e => e.Code, (r, e) => (r.Name, e.Name)));
        pairs.AddRange(ru.LostReasons.Zip(en.LostReasons, (r, e) => (r, e)));
        var map = new Dictionary<string, (string Ru, string En)>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            map[pair.Ru] = pair;
            map[pair.En] = pair;
        }

        return map;
    }
}

using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace ChatCrm.Faults.Infrastructure;

/// <summary>
/// What a scenario measured, printed to the test output in every mode; the long run also writes it into the table
/// between the markers of docs/RELIABILITY.md (one row per scenario, replaced on every long run).
/// </summary>
public static class Figures
{
    public const string Start = "<!-- faults:figures:start -->";
    public const string End = "<!-- faults:figures:end -->";
    private static readonly Lock Writing = new();

    public static string Report(ITestOutputHelper output, string scenario, bool held, params (string Name, object Value)[] figures)
    {
        var text = string.Join(", ", figures.Select(f => $"{f.Name}: {Format(f.Value)}"));
        var line = $"[{FaultMode.Name}] {scenario} — {(held ? "held" : "FAILED")} — {text}";
        output.WriteLine(line);
        if (FaultMode.Long)
        {
            Record(scenario, held, text);
        }

        return line;
    }

    private static string Format(object value) => value switch
    {
        int i => i.ToString("N0", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        TimeSpan t => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        IEnumerable<KeyValuePair<int, int>> counts => string.Join(" ", counts.OrderBy(c => c.Key).Select(c => $"{(c.Key == 0 ? "no answer" : c.Key)}×{c.Value}")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Replaces (or adds) the scenario's row in docs/RELIABILITY.md; the file itself says what the columns mean.</summary>
    private static void Record(string scenario, bool held, string figures)
    {
        var path = Path.Combine(Repository.Root, "docs", "RELIABILITY.md");
        lock (Writing)
        {
            if (!File.Exists(path))
            {
                return;
            }

            var text = File.ReadAllText(path);
            var start = text.IndexOf(Start, StringComparison.Ordinal);
            var end = text.IndexOf(End, StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                return;
            }

            var rows = text[(start + Start.Length)..end].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var row = $"| {scenario} | {(held ? "held" : "**failed**")} | {figures.Replace("|", "/", StringComparison.Ordinal)} | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC |";
            var at = rows.FindIndex(r => r.StartsWith($"| {scenario} |", StringComparison.Ordinal));
            if (at >= 0)
            {
                rows[at] = row;
            }
            else
            {
                rows.Add(row);
            }

            // The header and its rule first, then the scenarios by number, whatever order they finished in.
            static bool IsScenario(string line) => line.Length > 2 && char.IsAsciiDigit(line[2]);
            var table = new StringBuilder().Append(Start).Append('\n');
            foreach (var r in rows.Where(r => !IsScenario(r)).Concat(rows.Where(IsScenario).Order(StringComparer.Ordinal)))
            {
                table.Append(r).Append('\n');
            }

            File.WriteAllText(path, text[..start] + table + text[end..]);
        }
    }
}

/// <summary>The repository's root folder, found from the test's own bin folder (tests/ChatCrm.Faults/bin/&lt;Configuration&gt;/net10.0).</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        }
    }
}

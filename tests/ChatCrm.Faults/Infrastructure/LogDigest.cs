using System.Text.RegularExpressions;

namespace ChatCrm.Faults.Infrastructure;

/// <summary>The warnings and errors a bot process logged, grouped (numbers blanked), most frequent first: the "why" of a failed figure.</summary>
public static partial class LogDigest
{
    public static IEnumerable<(string Message, int Times)> Problems(string output)
    {
        // The console logger writes "warn: Category[id]" and the message on the next line.
        var lines = output.Split('\n');
        return lines
            .Select((line, i) => (line, i))
            .Where(l => l.line.StartsWith("warn:", StringComparison.Ordinal) || l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(l => $"{l.line[..4]} {Numbers().Replace(Message(lines, l.i), "#")}")
            .Select(m => m.Length > 200 ? m[..200] : m)
            .GroupBy(m => m)
            .OrderByDescending(g => g.Count())
            .Select(g => (g.Key, g.Count()));
    }

    /// <summary>The message under the header line, and for an error the exception's first line.</summary>
    private static string Message(string[] lines, int header)
    {
        var message = lines.ElementAtOrDefault(header + 1)?.Trim() ?? "";
        var exception = lines.ElementAtOrDefault(header + 2)?.Trim() ?? "";
        return exception.Contains("Exception", StringComparison.Ordinal) ? $"{message} ← {exception}" : message;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}

using System.Globalization;
using System.Text;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// A report as one chat message: the heading, the summary lines and the main (first) table as aligned lines in a
/// &lt;pre&gt; block. Rows that would take the message past <see cref="Limit"/> are summarised in one line that
/// points to the Excel file, which always has them all.
/// </summary>
public static class ReportText
{
    /// <summary>Below Telegram's 4096 characters, counting the markup, so the message is never refused.</summary>
    public const int Limit = 4000;

    private const int TextWidth = 18;

    public static string Render(Texts t, string headingHtml, ReportResult result)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder(headingHtml);
        foreach (var line in result.Summary)
        {
            text.Append('\n').Append(line);
        }

        if (result.Tables.Count == 0 || result.Tables[0].Rows.Count == 0)
        {
            return text.ToString();
        }

        var table = result.Tables[0];
        var lines = Lines(t, table);
        text.Append("\n\n").Append(Html.Bold(table.Name)).Append("\n<pre>");
        var shown = 0;
        foreach (var line in lines)
        {
            var escaped = Html.Escape(line);
            if (text.Length + escaped.Length + 200 > Limit)
            {
                break;
            }

            text.Append(escaped).Append('\n');
            shown++;
        }

        text.Append("</pre>");
        if (shown < lines.Count)
        {
            text.Append('\n').Append(t.ReportMoreRows(lines.Count - shown));
        }

        return text.ToString();
    }

    /// <summary>The header and one line per row, columns padded to a common width; a repeated first column is written once above its rows.</summary>
    public static IReadOnlyList<string> Lines(Texts t, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(table);
        var grouped = table.Columns.Count >= 3 && table.Rows.Select(r => Cell(t, r[0])).Distinct().Count() < table.Rows.Count;
        var skip = grouped ? 1 : 0;
        var cells = table.Rows.Select(r => r.Skip(skip).Select(c => Cell(t, c)).ToArray()).ToList();
        var header = table.Columns.Skip(skip).Select(c => Fit(c)).ToArray();
        var numeric = Enumerable.Range(skip, table.Columns.Count - skip)
            .Select(i => table.Rows.Any(r => r[i] is int or long or decimal or double) && table.Rows.All(r => r[i] is null or int or long or decimal or double)).ToArray();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();

        string Line(string[] row) => string.Join(' ', row.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

        var lines = new List<string> { Line(header) };
        string? group = null;
        for (var r = 0; r < cells.Count; r++)
        {
            if (grouped && Cell(t, table.Rows[r][0]) is var g && g != group)
            {
                group = g;
                lines.Add($"— {g} —");
            }

            lines.Add(Line(cells[r]));
        }

        return lines;
    }

    /// <summary>A cell as the text shows it: numbers grouped the user's way, money without kopecks when whole, a dash for nothing.</summary>
    public static string Cell(Texts t, object? value)
    {
        ArgumentNullException.ThrowIfNull(t);
        var format = (NumberFormatInfo)t.Culture.NumberFormat.Clone();
        format.NumberGroupSeparator = t.Language == Core.Domain.Users.Language.Ru ? " " : ",";
        return value switch
        {
            null => "—",
            int i => i.ToString("#,0", format),
            long l => l.ToString("#,0", format),
            decimal d => d.ToString(d == decimal.Truncate(d) ? "#,0" : "#,0.0#", format),
            double d => d.ToString("#,0.#", format),
            string s => Fit(s),
            _ => Fit(Convert.ToString(value, t.Culture) ?? ""),
        };
    }

    private static string Fit(string s) => s.Length <= TextWidth ? s : s[..(TextWidth - 1)] + "…";
}

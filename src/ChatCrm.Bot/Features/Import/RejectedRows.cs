using ChatCrm.Bot.Data;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;
using MiniExcelLibs;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// The rows an import rejected, back as an XLSX: the row's number, its original cells under the file's own headers, and
/// the reason. Every cell is neutralised, so a rejected «=HYPERLINK(…)» comes back as text, never as a formula.
/// </summary>
public static class RejectedRows
{
    /// <param name="sheetHeaders">The file's headers.</param>
    /// <param name="cells">The rejected rows' original cells, by row number (the header is row 1).</param>
    public static byte[] Xlsx(IReadOnlyList<string> sheetHeaders, IReadOnlyDictionary<int, IReadOnlyList<string>> cells, IReadOnlyList<ImportProblem> problems,
        Texts texts)
    {
        ArgumentNullException.ThrowIfNull(sheetHeaders);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(texts);
        var headers = new List<string> { texts.ImportRowColumn };
        var taken = new HashSet<string>(headers, StringComparer.OrdinalIgnoreCase);
        foreach (var header in sheetHeaders.Append(texts.ImportReasonColumn))
        {
            var name = CellSafety.Neutralise(string.IsNullOrWhiteSpace(header) ? "-" : header);
            while (!taken.Add(name))
            {
                name += " ";
            }

            headers.Add(name);
        }

        var rows = new List<Dictionary<string, object>>();
        foreach (var problem in problems)
        {
            var original = cells.GetValueOrDefault(problem.RowNumber) ?? [];
            var row = new Dictionary<string, object> { [headers[0]] = problem.RowNumber };
            for (var i = 0; i < sheetHeaders.Count; i++)
            {
                row[headers[i + 1]] = CellSafety.Neutralise(i < original.Count ? original[i] : "");
            }

            row[headers[^1]] = CellSafety.Neutralise(problem.Reason);
            rows.Add(row);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    public static string FileName(string imported) =>
        "rejected_" + Path.GetFileNameWithoutExtension(imported) + ".xlsx";
}

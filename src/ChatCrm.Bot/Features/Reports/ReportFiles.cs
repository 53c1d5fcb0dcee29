using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// A report's tables as files: XLSX with one sheet per table (numbers stay numbers, so Excel can sum them), or the
/// main table as CSV — separated by <see cref="CsvDelimiter"/> («;», what Excel opens directly in a Russian locale),
/// numbers with a dot, UTF-8 with a BOM so Excel reads Cyrillic.
/// </summary>
public static class ReportFiles
{
    public const char CsvDelimiter = ';';
    private const int SheetNameLength = 31;

    public static byte[] Xlsx(ReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sheets = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in result.Tables)
        {
            sheets[SheetName(table.Name, sheets.Keys)] = ToDataTable(table);
        }

        if (sheets.Count == 0)
        {
            sheets["-"] = new DataTable();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public static byte[] Csv(ReportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Separator = CsvDelimiter, WriteByteOrderMark = true }, leaveOpen: true))
        {
            var table = result.Tables.Count > 0 ? result.Tables[0] : new ReportTable("", [], []);
            csv.WriteRecord([.. table.Columns]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord([.. row.Select(cell => cell switch
                {
                    null => "",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => cell.ToString() ?? "",
                })]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A file name without spaces or characters a phone's file system dislikes: funnel_2026-11-01_2026-11-30.xlsx.</summary>
    public static string FileName(string kind, ReportRequest request, string extension)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Create(CultureInfo.InvariantCulture, $"{kind}_{request.Period.First:yyyy-MM-dd}_{request.Period.Last:yyyy-MM-dd}.{extension}");
    }

    private static DataTable ToDataTable(ReportTable table)
    {
        var data = new DataTable(table.Name) { Locale = CultureInfo.InvariantCulture };
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var name = table.Columns[i];
            while (!names.Add(name))
            {
                name += " ";
            }

            var type = table.Rows.Select(r => r[i]?.GetType()).FirstOrDefault(t => t is not null) ?? typeof(string);
            var uniform = table.Rows.All(r => r[i] is null || r[i]!.GetType() == type);
            data.Columns.Add(name, uniform ? type : typeof(string));
        }

        foreach (var row in table.Rows)
        {
            data.Rows.Add([.. row.Select((c, i) => c is null ? DBNull.Value : data.Columns[i].DataType == typeof(string) ? Convert.ToString(c, CultureInfo.InvariantCulture) : c)]);
        }

        return data;
    }

    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim();
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, SheetNameLength - 3)];
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidate = clean;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{clean} {n}");
        }

        return candidate;
    }
}

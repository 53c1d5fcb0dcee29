using System.Globalization;
using ChatCrm.Bot.Features.Reports;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Spreadsheets;
using CsvHelper;
using MiniExcelLibs;

namespace ChatCrm.Bot.Features.Export;

/// <summary>
/// An <see cref="ExportSheet"/> written as it is read: XLSX through MiniExcel (numbers and dates stay numbers and dates,
/// so Excel sums and sorts them), or CSV as <see cref="ReportFiles"/> writes it (<c>;</c>, a decimal point, UTF-8 with a
/// BOM). The rows pass once, from the query to the file; nothing holds them all.
/// </summary>
internal static class ExportFiles
{
    /// <summary>What the Bot API accepts as an uploaded document: 50 MB.</summary>
    public const long UploadLimit = 50L * 1024 * 1024;

    /// <summary>
    /// The sheet as the file to send: written to a temporary file, not memory, so a big export is written out as it is
    /// read, and only a file Telegram accepts is loaded. No content when there are no rows or the file is too large.
    /// </summary>
    public static async Task<ExportFile> RenderAsync(ExportSheet sheet, bool csv, CancellationToken ct)
    {
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose);
        var rows = Write(sheet, csv, file);
        if (rows == 0 || file.Length > UploadLimit)
        {
            return new ExportFile(rows, file.Length, null);
        }

        var content = new byte[file.Length];
        file.Position = 0;
        await file.ReadExactlyAsync(content, ct);
        return new ExportFile(rows, file.Length, content);
    }

    /// <summary>Writes the sheet to <paramref name="output"/> and returns its rows; with none, the stream holds nothing useful.</summary>
    public static int Write(ExportSheet sheet, bool csv, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(output);
        var count = 0;
        using var rows = sheet.Rows.GetEnumerator();
        if (!rows.MoveNext())
        {
            return 0;
        }

        IEnumerable<object?[]> Counted()
        {
            do
            {
                count++;
                yield return rows.Current;
            }
            while (rows.MoveNext());
        }

        if (csv)
        {
            WriteCsv(sheet.Headers, Counted(), output);
        }
        else
        {
            var headers = sheet.Headers;
            output.SaveAs(Counted().Select(cells =>
            {
                var row = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count; i++)
                {
                    row[headers[i]] = cells[i];
                }

                return (IDictionary<string, object?>)row;
            }), sheetName: sheet.Name, excelType: ExcelType.XLSX);
        }

        return count;
    }

    /// <summary>«deals-2026-11.xlsx», «clients-all.csv», «touches-2026-Q4.xlsx», «payments-2026-10-01_2026-11-15.csv».</summary>
    public static string FileName(ExportKind kind, ReportPeriod? period, bool csv)
    {
        var when = period switch
        {
            null => "all",
            { Kind: PeriodKind.Month } => period.First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            { Kind: PeriodKind.Year } => period.First.ToString("yyyy", CultureInfo.InvariantCulture),
            { Kind: PeriodKind.Day } => period.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            { Kind: PeriodKind.Quarter } => string.Create(CultureInfo.InvariantCulture, $"{period.First:yyyy}-Q{period.Quarter}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{period.First:yyyy-MM-dd}_{period.Last:yyyy-MM-dd}"),
        };
        return $"{kind.ToString().ToLowerInvariant()}-{when}.{(csv ? "csv" : "xlsx")}";
    }

    private static void WriteCsv(IReadOnlyList<string> headers, IEnumerable<object?[]> rows, Stream output)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = ReportFiles.CsvDelimiter, WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteRecord([.. headers]);
        var line = new string[headers.Count];
        foreach (var cells in rows)
        {
            for (var i = 0; i < line.Length; i++)
            {
                line[i] = cells[i] switch
                {
                    null => "",
                    string s => s,
                    DateTime at => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? "",
                };
            }

            csv.WriteRecord(line);
        }
    }
}

/// <summary>A written export: its rows, its size in bytes, and its bytes when there is something Telegram will take.</summary>
internal sealed record ExportFile(int Rows, long Size, byte[]? Content);

using System.Globalization;
using System.Text;
using ChatCrm.Core.Spreadsheets;
using CsvHelper;
using MiniExcelLibs;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// Reads a sent file's first sheet as text, whatever its name says: the content decides. An XLSX workbook is read with
/// MiniExcel (a phone stored as a number stays its digits, a date cell becomes dd.MM.yyyy); anything else that is text
/// is CSV — UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1251, which Excel in Russian writes, separated
/// by «;», «,» or a tab. A file that is none of these throws <see cref="ImportFileException"/> saying which problem.
/// </summary>
public static class SpreadsheetFiles
{
    /// <summary>Columns are counted from the header and this many rows, so a preview and the full read agree on them.</summary>
    private const int WidthRows = 50;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleCompound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static SpreadsheetFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>
    /// The first sheet: the header row (the first row with anything in it) and the data rows under it, every cell
    /// trimmed; a blank row inside the data stays (empty cells), so row numbers match what the spreadsheet shows.
    /// <paramref name="maxRows"/> stops early, for a preview.
    /// </summary>
    public static ImportSheet Read(byte[] content, string fileName, int? maxRows = null)
    {
        var reader = Open(content, fileName);
        return new ImportSheet(reader.Headers, [.. maxRows is { } max ? reader.Rows().Take(max) : reader.Rows()]);
    }

    /// <summary>
    /// The file opened to be read row by row (<see cref="SheetReader.Rows"/>), never held whole: a 100,000-row file is
    /// 8 MB as bytes and ten times that as strings. The header and the problems that refuse a file (empty, only a
    /// header, too many columns, not a spreadsheet) are found here, from the first rows.
    /// </summary>
    public static SheetReader Open(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (content.Length == 0)
        {
            throw new ImportFileException(ImportFileProblem.Empty);
        }

        if (content.AsSpan().StartsWith(OleCompound))
        {
            throw new ImportFileException(ImportFileProblem.OldExcel);
        }

        // A CSV's encoding and separator are found (and a binary file refused) when it is first read, below.
        Func<IEnumerable<string[]>> source = content.AsSpan().StartsWith(Zip) ? () => ReadXlsx(content) : () => ReadCsv(content);
        string[]? header = null;
        var width = -1;
        var looked = 0;
        var anyFilled = false;
        foreach (var row in source())
        {
            if (header is null)
            {
                header = row.Any(c => c.Length > 0) ? row : null;
                continue;
            }

            anyFilled |= row.Any(c => c.Length > 0);
            if (looked++ < WidthRows)
            {
                width = Math.Max(width, LastFilled(row));
            }
            else if (anyFilled)
            {
                break;
            }
        }

        if (header is null)
        {
            throw new ImportFileException(ImportFileProblem.Empty);
        }

        if (!anyFilled)
        {
            throw new ImportFileException(ImportFileProblem.HeaderOnly);
        }

        width = Math.Max(width, LastFilled(header)) + 1;
        return width > ImportSheet.MaxColumns
            ? throw new ImportFileException(ImportFileProblem.TooManyColumns)
            : new SheetReader(source, Fit(header, width), width);
    }

    /// <summary>A sheet read row by row; each <see cref="Rows"/> reads the file again from its start.</summary>
    public sealed class SheetReader
    {
        private readonly Func<IEnumerable<string[]>> _source;
        private readonly int _width;

        internal SheetReader(Func<IEnumerable<string[]>> source, string[] headers, int width) =>
            (_source, Headers, _width) = (source, headers, width);

        public IReadOnlyList<string> Headers { get; }

        /// <summary>The data rows under the header, each as wide as the header; blank rows at the end are left out.</summary>
        public IEnumerable<IReadOnlyList<string>> Rows()
        {
            var headerSeen = false;
            var blanks = 0;
            foreach (var row in _source())
            {
                if (!headerSeen)
                {
                    headerSeen = row.Any(c => c.Length > 0);
                    continue;
                }

                if (!row.Any(c => c.Length > 0))
                {
                    // Kept only if something follows: a blank row inside the data keeps the numbering.
                    blanks++;
                    continue;
                }

                for (; blanks > 0; blanks--)
                {
                    yield return Fit([], _width);
                }

                yield return Fit(row, _width);
            }
        }
    }

    private static int LastFilled(string[] row)
    {
        for (var i = row.Length - 1; i >= 0; i--)
        {
            if (row[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string[] Fit(string[] row, int width)
    {
        if (row.Length == width)
        {
            return row;
        }

        var fitted = new string[width];
        Array.Copy(row, fitted, Math.Min(row.Length, width));
        for (var i = row.Length; i < width; i++)
        {
            fitted[i] = "";
        }

        return fitted;
    }

    /// <summary>Row by row, as MiniExcel streams them: a preview stops after its rows.</summary>
    private static IEnumerable<string[]> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var rows = NotASpreadsheetOnFailure(() => stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator());
        while (NotASpreadsheetOnFailure(rows.MoveNext))
        {
            yield return [.. ((IDictionary<string, object?>)rows.Current).Values.Select(CellText)];
        }
    }

    private static T NotASpreadsheetOnFailure<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // A zip that is not a workbook (a .docx, a damaged file) fails somewhere inside MiniExcel, each its own way.
            throw new ImportFileException(ImportFileProblem.NotASpreadsheet, e);
        }
    }

    /// <summary>What the cell shows, as text: whole numbers without exponent or «.0» (a phone stored as a number), dates as dd.MM.yyyy.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : d.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture),
        double n when Math.Abs(n) < 1e15 && n == Math.Floor(n) => ((long)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static IEnumerable<string[]> ReadCsv(byte[] content)
    {
        var (start, encoding) = EncodingOf(content);
        if (LooksBinary(content.AsSpan(start), encoding))
        {
            throw new ImportFileException(ImportFileProblem.NotASpreadsheet);
        }

        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = SeparatorOf(content.AsSpan(start), encoding),
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            Encoding = encoding,
        };
        return Records(content.AsMemory(start), options);
    }

    private static IEnumerable<string[]> Records(ReadOnlyMemory<byte> text, CsvReaderOptions options)
    {
        using var csv = CsvReader.Create(text, options);
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = (csv.GetString(i) ?? "").Trim();
            }

            yield return row;
        }
    }

    /// <summary>Where the text starts and how it is written: a BOM says; valid UTF-8 is UTF-8; anything else is Windows-1251.</summary>
    private static (int Start, Encoding? Encoding) EncodingOf(byte[] content)
    {
        if (content.AsSpan().StartsWith(Utf8Bom))
        {
            return (Utf8Bom.Length, null);
        }

        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            // UTF-16, which Excel's «Unicode text» writes: the reader transcodes it by its BOM.
            return (0, null);
        }

        try
        {
            StrictUtf8.GetCharCount(content);
            return (0, null);
        }
        catch (DecoderFallbackException)
        {
            return (0, Windows1251);
        }
    }

    /// <summary>Text has no NUL and hardly any other control characters; a picture, an archive or random bytes have many.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> content, Encoding? encoding)
    {
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return false;
        }

        var sample = content[..Math.Min(content.Length, 64 * 1024)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r') || b == 0x7F || (encoding is not null && b == 0x98))
            {
                controls++;
            }
        }

        return controls * 100 > sample.Length;
    }

    /// <summary>The separator of the header line: the most frequent of «;», «,» and tab outside quotes («;» when none).</summary>
    private static char SeparatorOf(ReadOnlySpan<byte> content, Encoding? encoding)
    {
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            var text = Encoding.Unicode.GetString(content[..Math.Min(content.Length & ~1, 8192)]);
            return SeparatorOf(text);
        }

        var head = content[..Math.Min(content.Length, 8192)];
        return SeparatorOf((encoding ?? Encoding.UTF8).GetString(head));
    }

    private static char SeparatorOf(string head)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in head)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }
}

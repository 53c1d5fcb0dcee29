using System.Text;
using MiniExcelLibs;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>Spreadsheets as users send them: CSV in the encodings Excel writes, and XLSX made with MiniExcel.</summary>
public static class ImportTestFiles
{
    static ImportTestFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>CSV lines joined with CRLF (as Excel writes them), in <paramref name="encoding"/> (UTF-8 unless said), after a UTF-8 BOM when asked.</summary>
    public static byte[] Csv(IEnumerable<string> lines, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var text = encoding.GetBytes(string.Join("\r\n", lines) + "\r\n");
        return bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
    }

    /// <summary>An XLSX whose first sheet has these columns (the keys, in order) and rows; values keep their type (numbers, dates).</summary>
    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    /// <summary>The start of a real PNG: what a picture renamed .xlsx holds.</summary>
    public static byte[] Png()
    {
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}

using ChatCrm.Bot.Data;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Bot.Features.Import;

/// <summary>The preview of an import: each column with the meaning chosen for it and its first values, and the buttons to change it.</summary>
public static class ImportPreview
{
    /// <summary>Rows whose values the preview shows.</summary>
    public const int SampleRows = 3;

    /// <summary>Telegram takes at most 100 buttons on a message: columns past this many keep their meaning without a button.</summary>
    private const int MaxColumnButtons = 90;

    private const int SampleLength = 24;
    private const int LabelLength = 18;

    /// <summary>The preview, with its buttons (<paramref name="withButtons"/> false once it is confirmed).</summary>
    public static Reply Render(Texts t, ClientImport import, ImportSheet sheet, IReadOnlyList<ImportField> mapping, bool withButtons = true)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(mapping);
        var lines = new List<string> { t.ImportPreviewHeading(import.FileName, import.RowsTotal) };
        for (var column = 0; column < sheet.Headers.Count; column++)
        {
            lines.Add(t.ImportPreviewColumn(column + 1, Header(t, sheet, column), FieldOf(mapping, column), Samples(sheet, column)));
        }

        if (!withButtons)
        {
            return new Reply(string.Join("\n", lines) + "\n\n" + t.ImportMappingConfirmed(import.FileName));
        }

        lines.Add("");
        lines.Add(t.ImportPreviewHint());
        var buttons = Enumerable.Range(0, Math.Min(sheet.Headers.Count, MaxColumnButtons))
            .Select(column => Button.Callback($"{column + 1}. {Shorten(Header(t, sheet, column), LabelLength)}", ImportPreviewButtons.Data(import.Id, "c", column)))
            .Chunk(3)
            .Select(row => (IReadOnlyList<Button>)row)
            .Append([
                Button.Callback(t.ImportContinueButton, ImportPreviewButtons.Data(import.Id, "go")),
                Button.Callback(t.ImportCancelButton, ImportPreviewButtons.Data(import.Id, "x")),
            ])
            .ToList();
        return new Reply(string.Join("\n", lines), buttons);
    }

    /// <summary>Which meaning column <paramref name="column"/> should have: one button per meaning, the current one marked.</summary>
    public static Reply AskField(Texts t, ClientImport import, ImportSheet sheet, IReadOnlyList<ImportField> mapping, int column)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(sheet);
        var current = FieldOf(mapping, column);
        var fields = Enum.GetValues<ImportField>().Where(f => f != ImportField.Skip).Append(ImportField.Skip);
        var buttons = fields
            .Select(f => Button.Callback((f == current ? "• " : "") + t.ImportFieldName(f), ImportPreviewButtons.Data(import.Id, "s", column, (int)f)))
            .Chunk(3)
            .Select(row => (IReadOnlyList<Button>)row)
            .Append([Button.Callback(t.ImportBackButton, ImportPreviewButtons.Data(import.Id, "p"))])
            .ToList();
        return new Reply(t.ImportAskField(column + 1, Header(t, sheet, column), Samples(sheet, column)), buttons);
    }

    private static ImportField FieldOf(IReadOnlyList<ImportField> mapping, int column) =>
        column < mapping.Count ? mapping[column] : ImportField.Skip;

    private static string Header(Texts t, ImportSheet sheet, int column) =>
        sheet.Headers[column] is { Length: > 0 } header ? header : t.ImportUnnamedColumn(column + 1);

    private static List<string> Samples(ImportSheet sheet, int column) =>
        [.. sheet.Rows.Where(r => r.Any(c => c.Length > 0)).Take(SampleRows)
            .Select(r => column < r.Count ? r[column] : "")
            .Where(v => v.Length > 0)
            .Select(v => Shorten(v, SampleLength))];

    private static string Shorten(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}

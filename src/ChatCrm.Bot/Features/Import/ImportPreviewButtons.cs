using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// The preview's buttons: a column's button asks for its meaning (the preview is redrawn in place), a meaning sets it,
/// Continue hands the import over to its questions, Cancel drops it. Only the user who sent the file may press them.
/// </summary>
public sealed class ImportPreviewButtons : ICallbackHandler
{
    public const string Prefix = "imp";

    /// <summary><c>imp:&lt;import&gt;:c:&lt;column&gt;</c> (choose), <c>…:s:&lt;column&gt;:&lt;field&gt;</c> (set), <c>…:p</c> (preview), <c>…:go</c>, <c>…:x</c>.</summary>
    public static string Data(long importId, string action, params int[] values) =>
        string.Join(':', new[] { Prefix, importId.ToString(CultureInfo.InvariantCulture), action }
            .Concat(values.Select(v => v.ToString(CultureInfo.InvariantCulture))));

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count < 2 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var import = await ImportFile.LoadWithoutFileAsync(ctx.Db, id, ct);
        if (import is null || import.Status != ImportStatus.Preview)
        {
            ctx.CallbackToast = import is not null && import.UserId != ctx.User.Id ? ctx.T.ImportNotYours() : ctx.T.ImportPreviewClosed();
            return;
        }

        if (import.UserId != ctx.User.Id)
        {
            ctx.CallbackToast = ctx.T.ImportNotYours();
            return;
        }

        var mapping = ImportMapping.FromJson(import.Mapping);
        switch (args[1])
        {
            case "c" when Column(args, 2, mapping) is { } column:
                ctx.Show(ImportPreview.AskField(ctx.T, import, await PreviewAsync(ctx, import, ct), mapping, column));
                break;
            case "s" when Column(args, 2, mapping) is { } column && Field(args, 3) is { } field:
                mapping = ImportMapping.With(mapping, column, field);
                import.Mapping = ImportMapping.ToJson(mapping);
                ctx.Show(ImportPreview.Render(ctx.T, import, await PreviewAsync(ctx, import, ct), mapping));
                break;
            case "p":
                ctx.Show(ImportPreview.Render(ctx.T, import, await PreviewAsync(ctx, import, ct), mapping));
                break;
            case "go" when !mapping.Contains(ImportField.Name):
                ctx.Reply(ctx.T.ImportNeedsName());
                break;
            case "go":
                var content = await ImportFile.ContentAsync(ctx.Db, import.Id, ct);
                ctx.Show(ImportPreview.Render(ctx.T, import, SpreadsheetFiles.Read(content, import.FileName, ImportPreview.SampleRows), mapping, withButtons: false));
                await ImportQuestions.BeginAsync(ctx, import, SpreadsheetFiles.Open(content, import.FileName), ct);
                break;
            case "x":
                import.Status = ImportStatus.Cancelled;
                ImportFile.DropFile(ctx.Db, import);
                import.FinishedAt = ctx.Now;
                ctx.Show(ctx.T.ImportCancelled(import.FileName));
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }

    /// <summary>The header and the first rows, enough to draw the preview: the file is read from the start only that far.</summary>
    private static async Task<ImportSheet> PreviewAsync(BotContext ctx, ClientImport import, CancellationToken ct) =>
        SpreadsheetFiles.Read(await ImportFile.ContentAsync(ctx.Db, import.Id, ct), import.FileName, ImportPreview.SampleRows);

    private static int? Column(IReadOnlyList<string> args, int at, IReadOnlyList<ImportField> mapping) =>
        args.Count > at && int.TryParse(args[at], NumberStyles.None, CultureInfo.InvariantCulture, out var column) && column < mapping.Count ? column : null;

    private static ImportField? Field(IReadOnlyList<string> args, int at) =>
        args.Count > at && int.TryParse(args[at], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && Enum.IsDefined((ImportField)value)
            ? (ImportField)value
            : null;
}

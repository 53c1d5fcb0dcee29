using System.Net;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Bot.Features.Import;

/// <summary>A row of the file as the run sees it: read with the confirmed mapping, or why it is rejected.</summary>
public readonly record struct ReadRow(int Index, ImportRow? Row, ImportRejection? Rejection);

/// <summary>
/// The one place the run reads the kept file with the preview's reader and mapping (the import-in part's
/// <c>SpreadsheetFiles</c>, <c>ImportMapping</c> and <c>ImportRows</c>): the questions read it once, the worker again after a
/// restart.
/// </summary>
public static class ImportFile
{
    public const string Region = "RU";

    /// <summary>
    /// The import's row without its file. The file (megabytes) is read only where it is read (<see cref="ContentAsync"/>),
    /// not with every button tap and batch — tracked, EF would also keep a copy of it to compare on save. Attached as it
    /// is in the database, so SaveChanges writes what the caller changes and leaves the file alone.
    /// </summary>
    public static async Task<ClientImport?> LoadWithoutFileAsync(ChatCrmDbContext db, long id, CancellationToken ct)
    {
        var import = await db.Imports.AsNoTracking().Where(i => i.Id == id).Select(i => new ClientImport
        {
            Id = i.Id,
            UserId = i.UserId,
            ChatId = i.ChatId,
            CreatedAt = i.CreatedAt,
            FileName = i.FileName,
            ContentHash = i.ContentHash,
            Status = i.Status,
            Mapping = i.Mapping,
            Choices = i.Choices,
            ProgressOutboxId = i.ProgressOutboxId,
            RowsTotal = i.RowsTotal,
            RowsDone = i.RowsDone,
            Created = i.Created,
            Merged = i.Merged,
            Skipped = i.Skipped,
            Rejected = i.Rejected,
            FinishedAt = i.FinishedAt,
        }).SingleOrDefaultAsync(ct);
        if (import is not null)
        {
            db.Imports.Attach(import);
        }

        return import;
    }

    public static Task<byte[]> ContentAsync(ChatCrmDbContext db, long importId, CancellationToken ct) =>
        db.Imports.Where(i => i.Id == importId).Select(i => i.Content).SingleAsync(ct);

    /// <summary>Forgets a cancelled import's file (the row stays, for its history), on an import loaded without it.</summary>
    public static void DropFile(ChatCrmDbContext db, ClientImport import)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(import);
        import.Content = [];
        db.Entry(import).Property(i => i.Content).IsModified = true;
    }

    /// <summary>The file's rows read with the import's mapping, one at a time as they are enumerated: never the whole file in memory.</summary>
    public static IEnumerable<ReadRow> Rows(ClientImport import, SpreadsheetFiles.SheetReader sheet)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(sheet);
        var mapping = ImportMapping.FromJson(import.Mapping);
        return Read(sheet, mapping);
    }

    private static IEnumerable<ReadRow> Read(SpreadsheetFiles.SheetReader sheet, IReadOnlyList<ImportField> mapping)
    {
        var i = 0;
        foreach (var cells in sheet.Rows())
        {
            var read = ImportRows.Read(cells, ImportSheet.ImportRowNumber(i), mapping, Region);
            yield return new ReadRow(i++, read.Row, read.Rejection);
        }
    }
}

/// <summary>A rejected row's reason as the reason column shows it: the user's language, plain text.</summary>
public static partial class ImportReasons
{
    public static string Of(Texts texts, ImportRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Plain(texts.ImportRejectionReason(rejection));
    }

    /// <summary>A message's HTML as plain text: a spreadsheet cell shows no tags.</summary>
    public static string Plain(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}

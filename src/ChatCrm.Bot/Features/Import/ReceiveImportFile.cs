using System.Security.Cryptography;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// A head or an admin sent a spreadsheet: download it, read it, guess its columns and show the preview. A file that
/// cannot be imported is answered with its problem and leaves nothing behind.
/// </summary>
public sealed class ReceiveImportFile(IBotFiles files) : IDocumentHandler
{
    /// <summary>The Bot API gives bots files up to 20 MB; a larger one is refused before any download.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task HandleAsync(BotContext ctx, IncomingFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(file);
        if (file.FileSize > MaxBytes)
        {
            ctx.Reply(ctx.T.ImportFileProblemText(ImportFileProblem.TooBig, Megabytes(file.FileSize.Value)));
            return;
        }

        byte[] content;
        try
        {
            content = await files.DownloadAsync(file.FileId, MaxBytes, ct);
        }
        catch (FileDownloadException e)
        {
            ctx.Reply(ctx.T.ImportFileProblemText(e.TooBig ? ImportFileProblem.TooBig : ImportFileProblem.NotDownloaded, Megabytes(file.FileSize ?? 0)));
            return;
        }

        var fileName = FileNameOf(file);
        ImportSheet sheet;
        ImportField[] mapping;
        int filled;
        try
        {
            // Read row by row: the preview keeps its sample rows and the count, not the file.
            var reader = SpreadsheetFiles.Open(content, fileName);
            mapping = ImportColumns.Detect(reader.Headers);
            sheet = new ImportSheet(reader.Headers, [.. reader.Rows().Where(r => r.Any(c => c.Length > 0)).Take(ImportPreview.SampleRows)]);
            filled = reader.Rows().Count(r => r.Any(c => c.Length > 0));
            if (!mapping.Contains(ImportField.Name))
            {
                throw new ImportFileException(ImportFileProblem.NoNameColumn);
            }
        }
        catch (ImportFileException e)
        {
            ctx.Reply(ctx.T.ImportFileProblemText(e.Problem, Megabytes(content.Length)));
            return;
        }

        // One preview at a time: the buttons of an earlier one now say it is closed.
        await ctx.Db.Imports.Where(i => i.UserId == ctx.User.Id && i.Status == ImportStatus.Preview)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Cancelled).SetProperty(i => i.Content, []), ct);
        var import = new ClientImport
        {
            UserId = ctx.User.Id,
            ChatId = ctx.ChatId,
            CreatedAt = ctx.Now,
            FileName = fileName,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            Status = ImportStatus.Preview,
            Mapping = ImportMapping.ToJson(mapping),
            RowsTotal = filled,
        };
        ctx.Db.Imports.Add(import);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(ImportPreview.Render(ctx.T, import, sheet, mapping));
    }

    private static string FileNameOf(IncomingFile file)
    {
        var name = string.IsNullOrWhiteSpace(file.FileName) ? "file" : file.FileName.Trim();
        return name.Length <= ClientImport.MaxFileNameLength ? name : name[..ClientImport.MaxFileNameLength];
    }

    private static int Megabytes(long bytes) => (int)Math.Ceiling(bytes / (1024.0 * 1024.0));
}

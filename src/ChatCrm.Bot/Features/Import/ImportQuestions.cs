using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// The import after its preview: duplicate classes, unknown segments and owners, the confirmation, then the run.
/// PLACEHOLDER: the import-run branch replaces this file.
/// </summary>
public static class ImportQuestions
{
    /// <summary>
    /// Called when the user confirms the preview's mapping (the import is in <see cref="ImportStatus.Preview"/>, with its
    /// <see cref="ClientImport.Mapping"/> saved); <paramref name="sheet"/> is the file already read.
    /// </summary>
    public static Task BeginAsync(BotContext ctx, ClientImport import, ImportSheet sheet, CancellationToken ct)
    {
        import.Status = ImportStatus.Questions;
        return Task.CompletedTask;
    }
}

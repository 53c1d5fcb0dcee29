namespace ChatCrm.Bot.Features.Shared;

/// <summary>A command typed as /name args (or re-run from a button or a dialog answer).</summary>
public interface ICommandHandler
{
    Task HandleAsync(BotContext ctx, string args, CancellationToken ct);
}

/// <summary>A button tap: callback data `prefix:a:b` arrives as ["a", "b"].</summary>
public interface ICallbackHandler
{
    Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct);
}

/// <summary>A file sent to the bot as a Telegram document, with what Telegram says of it (nothing is downloaded yet).</summary>
/// <param name="FileSize">The size Telegram reports, when it does.</param>
/// <param name="Caption">The text typed under the file.</param>
public sealed record IncomingFile(string FileId, string FileUniqueId, string? FileName, string? MimeType, long? FileSize, string? Caption);

/// <summary>What the bot does with a sent file (<see cref="CommandTable.Documents"/>).</summary>
public interface IDocumentHandler
{
    Task HandleAsync(BotContext ctx, IncomingFile file, CancellationToken ct);
}

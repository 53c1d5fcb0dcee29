namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The one seam through which files users send come in: Telegram's getFile and download, or a path in the local
/// terminal chat. It sits with <see cref="IBotGateway"/> because both are the host's Telegram edge that features may use.
/// </summary>
public interface IBotFiles
{
    /// <summary>
    /// The bytes of the file Telegram knows as <paramref name="fileId"/>. Throws <see cref="FileDownloadException"/>
    /// when it is larger than <paramref name="maxBytes"/> or cannot be had.
    /// </summary>
    Task<byte[]> DownloadAsync(string fileId, long maxBytes, CancellationToken ct);
}

/// <summary>A sent file that could not be downloaded; <see cref="TooBig"/> when the limit refused it.</summary>
public sealed class FileDownloadException(bool tooBig, string message, Exception? inner = null) : Exception(message, inner)
{
    public bool TooBig { get; } = tooBig;
}

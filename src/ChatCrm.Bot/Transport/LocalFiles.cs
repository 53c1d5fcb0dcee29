using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Transport;

/// <summary>The terminal chat's files: the "file id" of a document typed as a path is that path.</summary>
internal sealed class LocalFiles : IBotFiles
{
    public async Task<byte[]> DownloadAsync(string fileId, long maxBytes, CancellationToken ct)
    {
        var file = new FileInfo(fileId);
        if (!file.Exists)
        {
            throw new FileDownloadException(tooBig: false, $"No file at {fileId}.");
        }

        return file.Length > maxBytes
            ? throw new FileDownloadException(tooBig: true, $"{fileId} is {file.Length} bytes, over {maxBytes}.")
            : await File.ReadAllBytesAsync(fileId, ct);
    }
}

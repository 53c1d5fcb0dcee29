using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatCrm.Bot.Outbox;

/// <summary>Downloads a sent file the way the Bot API offers it: getFile for its path, then GET /file/bot&lt;token&gt;/&lt;path&gt;.</summary>
internal sealed class TelegramFiles(ITelegramBotClient bot) : IBotFiles
{
    public async Task<byte[]> DownloadAsync(string fileId, long maxBytes, CancellationToken ct)
    {
        try
        {
            var file = await bot.GetFile(fileId, ct);
            if (file.FileSize > maxBytes)
            {
                throw new FileDownloadException(tooBig: true, $"The file is {file.FileSize} bytes, over {maxBytes}.");
            }

            if (string.IsNullOrEmpty(file.FilePath))
            {
                throw new FileDownloadException(tooBig: false, "getFile gave no file_path.");
            }

            using var content = new MemoryStream(file.FileSize is > 0 and var size ? (int)Math.Min(size, maxBytes) : 0);
            await bot.DownloadFile(file.FilePath, content, ct);
            return content.Length > maxBytes
                ? throw new FileDownloadException(tooBig: true, $"The download is {content.Length} bytes, over {maxBytes}.")
                : content.ToArray();
        }
        catch (ApiRequestException e) when (e.Message.Contains("too big", StringComparison.OrdinalIgnoreCase))
        {
            // The Bot API refuses getFile above its 20 MB limit with «Bad Request: file is too big».
            throw new FileDownloadException(tooBig: true, e.Message, e);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new FileDownloadException(tooBig: false, e.Message, e);
        }
    }
}

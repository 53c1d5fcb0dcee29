using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Role = ChatCrm.Core.Domain.Users.Role;
using TgUser = Telegram.Bot.Types.User;

namespace ChatCrm.Bot.Transport;

/// <summary>
/// `dotnet run --project src/ChatCrm.Bot -- chat`: the same bot in the terminal. Lines typed become
/// updates that go through the same pipeline and database as Telegram's; outbox rows are printed here
/// instead of sent. Buttons are numbered and a number presses the button; a line that is the path of a .csv or .xlsx
/// file sends that file, as an import.
/// </summary>
internal sealed partial class LocalChat(
    UpdatePipeline pipeline,
    ConsoleGateway console,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<CrmOptions> crm,
    TimeProvider time) : BackgroundService
{
    /// <summary>The terminal user; not a real Telegram id, so it can never collide with a person.</summary>
    public const long UserId = 1;

    // Negative ids never meet Telegram's positive update_ids in the processed-updates table.
    private int _nextUpdateId = -1;
    private int _nextMessageId;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await EnsureLocalAdminAsync(ct);
        console.Print("ChatCrm — local chat. Type /help, a number to press a button, or /exit to leave.");
        await pipeline.ProcessAsync(MessageUpdate("/start"), ct);

        while (!ct.IsCancellationRequested)
        {
            var line = await Console.In.ReadLineAsync(ct);
            if (line is null || line.Trim() is "/exit" or "/quit")
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var update = int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && console.Pressed(n) is { } press
                ? CallbackUpdate(press.MessageId, press.Data)
                : SpreadsheetPath(line) is { } file ? DocumentUpdate(file)
                : MessageUpdate(line);
            await pipeline.ProcessAsync(update, ct);
            await WaitForRepliesAsync(ct);
        }

        await WaitForRepliesAsync(ct);
        lifetime.StopApplication();
    }

    private async Task EnsureLocalAdminAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        var me = await db.Users.FirstOrDefaultAsync(u => u.TelegramId == UserId, ct);
        if (me is null)
        {
            db.Users.Add(Core.Domain.Users.User.Create(UserId, LocalName, Role.Admin, crm.Value.DefaultTimeZone, time.GetUtcNow().UtcDateTime));
        }
        else
        {
            me.ChangeRole(Role.Admin);
            me.Reactivate();
        }

        await db.SaveChangesAsync(ct);
        var lowest = await db.ProcessedUpdates.Where(p => p.UpdateId < 0).MinAsync(p => (long?)p.UpdateId, ct);
        _nextUpdateId = (int)Math.Min(-1, (lowest ?? 0) - 1);
    }

    /// <summary>Waits (briefly) until the dispatcher has printed what this line caused, so prompts don't interleave.</summary>
    private async Task WaitForRepliesAsync(CancellationToken ct)
    {
        for (var i = 0; i < 100 && !ct.IsCancellationRequested; i++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
            if (!await db.Outbox.AnyAsync(m => m.ChatId == UserId && m.Status == OutboxStatus.Pending, ct))
            {
                return;
            }

            await Task.Delay(50, ct);
        }
    }

    private static string LocalName => string.IsNullOrWhiteSpace(Environment.UserName) ? "Local admin" : Environment.UserName;

    private static TgUser From => new() { Id = UserId, FirstName = LocalName, LanguageCode = null };

    private Update MessageUpdate(string text) => new()
    {
        Id = _nextUpdateId--,
        Message = new Message
        {
            Id = ++_nextMessageId,
            From = From,
            Chat = new Chat { Id = UserId, Type = ChatType.Private, FirstName = LocalName },
            Date = DateTime.UtcNow,
            Text = text,
        },
    };

    /// <summary>A line that names an existing .csv or .xlsx file is sent as that file, as a Telegram user would attach it.</summary>
    private static FileInfo? SpreadsheetPath(string line)
    {
        var path = line.Trim().Trim('"', '\'');
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        }

        return Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx" or ".xls" && File.Exists(path) ? new FileInfo(path) : null;
    }

    /// <summary>The file's path is its id: <see cref="LocalFiles"/> reads it from there.</summary>
    private Update DocumentUpdate(FileInfo file) => new()
    {
        Id = _nextUpdateId--,
        Message = new Message
        {
            Id = ++_nextMessageId,
            From = From,
            Chat = new Chat { Id = UserId, Type = ChatType.Private, FirstName = LocalName },
            Date = DateTime.UtcNow,
            Document = new Document { FileId = file.FullName, FileUniqueId = file.FullName, FileName = file.Name, FileSize = file.Length },
        },
    };

    private Update CallbackUpdate(int messageId, string data) => new()
    {
        Id = _nextUpdateId--,
        CallbackQuery = new CallbackQuery
        {
            Id = Guid.NewGuid().ToString("N"),
            From = From,
            Data = data,
            ChatInstance = "local",
            Message = new Message
            {
                Id = messageId,
                Chat = new Chat { Id = UserId, Type = ChatType.Private },
                Date = DateTime.UtcNow,
            },
        },
    };
}

/// <summary>Prints outbox rows in the terminal; remembers the latest buttons so a typed number can press one.</summary>
internal sealed partial class ConsoleGateway : IBotGateway
{
    private readonly Lock _lock = new();
    private int _messageId;
    private (int MessageId, StoredButton[] Buttons)? _lastButtons;

    public bool IsThrottled => false;

    public void Print(string text)
    {
        lock (_lock)
        {
            Console.Out.WriteLine(text);
            Console.Out.Flush();
        }
    }

    public (int MessageId, string Data)? Pressed(int number)
    {
        lock (_lock)
        {
            return _lastButtons is { } b && number >= 1 && number <= b.Buttons.Length && b.Buttons[number - 1].Data is { } data
                ? (b.MessageId, data)
                : null;
        }
    }

    public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        switch (message.Kind)
        {
            case OutboxKind.Message or OutboxKind.EditMessage:
                var p = Payloads.Read<MessagePayload>(message.Payload);
                var id = p.EditMessageId ?? Interlocked.Increment(ref _messageId);
                Show(id, p);
                return Task.FromResult<SendResult>(new SendResult.Sent(id));
            case OutboxKind.Photo:
                var photo = Payloads.Read<PhotoPayload>(message.Payload);
                var photoId = Interlocked.Increment(ref _messageId);
                Print($"\n🖼 {PlainText(photo.CaptionHtml ?? "")}\n   {SaveFile(photoId, "chart.png", photo.PngBase64)}");
                return Task.FromResult<SendResult>(new SendResult.Sent(photoId));
            case OutboxKind.Document:
                var document = Payloads.Read<DocumentPayload>(message.Payload);
                var documentId = Interlocked.Increment(ref _messageId);
                Print($"\n📎 {PlainText(document.CaptionHtml ?? "")}\n   {SaveFile(documentId, document.FileName, document.ContentBase64)}");
                return Task.FromResult<SendResult>(new SendResult.Sent(documentId));
            case OutboxKind.AnswerCallback when Payloads.Read<CallbackAnswerPayload>(message.Payload).Text is { } toast:
                Print($"  » {toast}");
                break;
        }

        return Task.FromResult<SendResult>(new SendResult.Sent(null));
    }

    private void Show(int messageId, MessagePayload p)
    {
        var lines = new List<string> { "", "🤖 " + PlainText(p.Html) };
        var buttons = p.Buttons?.SelectMany(row => row).ToArray() ?? [];
        if (buttons.Length > 0)
        {
            var n = 0;
            foreach (var row in p.Buttons!)
            {
                lines.Add("   " + string.Join("   ", row.Select(b => $"[{++n}] {b.Text}" + (b.Url is null ? "" : $" ({b.Url})"))));
            }
        }

        lock (_lock)
        {
            if (buttons.Length > 0)
            {
                _lastButtons = (messageId, buttons);
            }

            Console.Out.WriteLine(string.Join('\n', lines));
            Console.Out.Flush();
        }
    }

    /// <summary>A terminal cannot show a picture: it is saved as a PNG file whose path is printed instead.</summary>
    /// <summary>Pictures and files are saved where the terminal can point at them; the name keeps only its last part.</summary>
    private static string SaveFile(int messageId, string fileName, string contentBase64)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-chat");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Environment.ProcessId}-{messageId}-{Path.GetFileName(fileName)}");
        File.WriteAllBytes(file, Convert.FromBase64String(contentBase64));
        return file;
    }

    internal static string PlainText(string html) => ChatCrm.Core.Messages.Html.PlainText(html);
}

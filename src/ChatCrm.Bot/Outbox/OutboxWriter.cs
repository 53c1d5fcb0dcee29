using ChatCrm.Bot.Data;
using ChatCrm.Core.Messages;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Adds outgoing messages to the unit of work; they commit with the change that caused them and the
/// dispatcher sends them after. Handlers never talk to Telegram themselves. Each row is stamped with when it
/// stops being useful: a button answer after <c>Outbox:CallbackLifetime</c>, anything else after
/// <c>Outbox:ReplyLifetime</c>, unless the writer names its own window (scheduled messages do).
/// </summary>
public sealed class OutboxWriter(ChatCrmDbContext db, TimeProvider time, IOptions<OutboxOptions> options)
{
    public OutboxMessage Message(long chatId, Reply reply, string? dedupKey, int priority = OutboxMessage.PriorityReply, DateTime? expiresAtUtc = null) =>
        Add(chatId, OutboxKind.Message, Payloads.Write(MessagePayload.From(reply)), dedupKey, priority, expiresAtUtc);

    public OutboxMessage Document(long chatId, byte[] content, string fileName, string? captionHtml, string? dedupKey, int priority = OutboxMessage.PriorityReply) =>
        Add(chatId, OutboxKind.Document, Payloads.Write(new DocumentPayload(Convert.ToBase64String(content), fileName, captionHtml)), dedupKey, priority, null);

    public OutboxMessage Photo(long chatId, byte[] png, string? captionHtml, string? dedupKey, int priority = OutboxMessage.PriorityReply, DateTime? expiresAtUtc = null) =>
        Add(chatId, OutboxKind.Photo, Payloads.Write(new PhotoPayload(Convert.ToBase64String(png), captionHtml)), dedupKey, priority, expiresAtUtc);

    public OutboxMessage Edit(long chatId, int messageId, Reply reply, string? dedupKey) =>
        Add(chatId, OutboxKind.EditMessage, Payloads.Write(MessagePayload.From(reply, messageId)), dedupKey, OutboxMessage.PriorityReply, null);

    public OutboxMessage AnswerCallback(long chatId, string callbackQueryId, string? text, string? dedupKey) =>
        Add(chatId, OutboxKind.AnswerCallback, Payloads.Write(new CallbackAnswerPayload(callbackQueryId, text)), dedupKey, OutboxMessage.PriorityCallback, null);

    public OutboxMessage CommandMenu(long chatId, IEnumerable<MenuCommand> commands, string? dedupKey) =>
        Add(chatId, OutboxKind.SetCommands, Payloads.Write(new CommandMenuPayload([.. commands])), dedupKey, OutboxMessage.PriorityReply, null);

    /// <summary>The chat's menu button opens the board (a Telegram Mini App) at <paramref name="url"/>.</summary>
    public OutboxMessage MenuButton(long chatId, string text, string url, string? dedupKey, int priority = OutboxMessage.PriorityReply,
        DateTime? expiresAtUtc = null) =>
        Add(chatId, OutboxKind.MenuButton, Payloads.Write(new MenuButtonPayload(text, url)), dedupKey, priority, expiresAtUtc);

    /// <summary>The chat's menu button back to Telegram's default, in place of the board's.</summary>
    public OutboxMessage DefaultMenuButton(long chatId, string? dedupKey, int priority = OutboxMessage.PriorityReply, DateTime? expiresAtUtc = null) =>
        Add(chatId, OutboxKind.MenuButton, Payloads.Write(new MenuButtonPayload(null, null)), dedupKey, priority, expiresAtUtc);

    private OutboxMessage Add(long chatId, OutboxKind kind, string payload, string? dedupKey, int priority, DateTime? expiresAtUtc)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = expiresAtUtc ?? now + (kind == OutboxKind.AnswerCallback ? options.Value.CallbackLifetime : options.Value.ReplyLifetime);
        var row = OutboxMessage.Create(chatId, kind, payload, dedupKey, priority, now, expires);
        db.Outbox.Add(row);
        return row;
    }
}

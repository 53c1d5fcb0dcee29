using ChatCrm.Bot.Data;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Adds outgoing messages to the unit of work; they commit with the change that caused them and the
/// dispatcher sends them after. Handlers never talk to Telegram themselves.
/// </summary>
public sealed class OutboxWriter(ChatCrmDbContext db, TimeProvider time)
{
    public OutboxMessage Message(long chatId, Reply reply, string? dedupKey, int priority = OutboxMessage.PriorityReply) =>
        Add(chatId, OutboxKind.Message, Payloads.Write(MessagePayload.From(reply)), dedupKey, priority);

    public OutboxMessage Document(long chatId, byte[] content, string fileName, string? captionHtml, string? dedupKey, int priority = OutboxMessage.PriorityReply) =>
        Add(chatId, OutboxKind.Document, Payloads.Write(new DocumentPayload(Convert.ToBase64String(content), fileName, captionHtml)), dedupKey, priority);

    public OutboxMessage Photo(long chatId, byte[] png, string? captionHtml, string? dedupKey, int priority = OutboxMessage.PriorityReply) =>
        Add(chatId, OutboxKind.Photo, Payloads.Write(new PhotoPayload(Convert.ToBase64String(png), captionHtml)), dedupKey, priority);

    public OutboxMessage Edit(long chatId, int messageId, Reply reply, string? dedupKey) =>
        Add(chatId, OutboxKind.EditMessage, Payloads.Write(MessagePayload.From(reply, messageId)), dedupKey, OutboxMessage.PriorityReply);

    public OutboxMessage AnswerCallback(long chatId, string callbackQueryId, string? text, string? dedupKey) =>
        Add(chatId, OutboxKind.AnswerCallback, Payloads.Write(new CallbackAnswerPayload(callbackQueryId, text)), dedupKey, OutboxMessage.PriorityCallback);

    public OutboxMessage CommandMenu(long chatId, IEnumerable<MenuCommand> commands, string? dedupKey) =>
        Add(chatId, OutboxKind.SetCommands, Payloads.Write(new CommandMenuPayload([.. commands])), dedupKey, OutboxMessage.PriorityReply);

    private OutboxMessage Add(long chatId, OutboxKind kind, string payload, string? dedupKey, int priority)
    {
        var row = OutboxMessage.Create(chatId, kind, payload, dedupKey, priority, time.GetUtcNow().UtcDateTime);
        db.Outbox.Add(row);
        return row;
    }
}

using System.Data.Common;
using System.Text.Json;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.FreeText;
using ChatCrm.Bot.Features.Onboarding;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Commands;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Pipeline;

/// <summary>
/// Turns one update into one committed transaction: the processed-update marker, the handler's
/// changes and its outgoing messages together, or nothing at all.
/// </summary>
internal sealed class UpdateProcessor(
    ChatCrmDbContext db,
    OutboxWriter outbox,
    IServiceProvider services,
    BotIdentity bot,
    WriteGate gate,
    TimeProvider time,
    IOptions<CrmOptions> crm,
    IOptions<WebAppOptions> web,
    ILogger<UpdateProcessor> log)
{
    private readonly Language _fallback = crm.Value.Language;

    /// <param name="waitingId">The update's row in WaitingUpdates when it waited its turn: deleted with the effect.</param>
    public async Task ProcessAsync(Update update, long? waitingId, CancellationToken ct)
    {
        // The connection (and its pragmas) is opened before the update queues for the write lock, not under it.
        await db.Database.OpenConnectionAsync(ct);
        using var turn = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await MarkProcessedAsync(update.Id, ct))
        {
            return;
        }

        var handled = update switch
        {
            { Message: { From: { } from, Chat.Type: ChatType.Private } m } => OnPrivateMessageAsync(update.Id, from, m, ct),
            { Message: { From: { } from } m } => OnGroupMessageAsync(update.Id, from, m, ct),
            { CallbackQuery: { } q } => OnCallbackAsync(update.Id, q, ct),
            { MyChatMember: { Chat.Type: ChatType.Private } change } => OnMembershipAsync(change, ct),
            _ => Task.FromResult(false),
        };

        if (!await handled)
        {
            // Group chatter and strangers leave no trace (their outbox rows, if any, are keyed by update_id).
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"ProcessedUpdates\" WHERE \"UpdateId\" = {update.Id}", ct);
        }

        await ForgetWaitingAsync(waitingId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The dedup check and the marker in one statement, inside the update's transaction (a rollback un-marks it):
    /// false when the update was already committed. On PostgreSQL a concurrent delivery of the same update waits here
    /// for the first one's commit, then finds it done (or, after its rollback, goes on).
    /// </summary>
    private async Task<bool> MarkProcessedAsync(long updateId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"ProcessedUpdates\" (\"UpdateId\", \"ProcessedAt\") VALUES ({updateId}, {Now}) ON CONFLICT DO NOTHING", ct) == 1;

    /// <summary>
    /// After a handler failed and its transaction rolled back: mark the update done (and no longer waiting) and
    /// apologise. Never throws because of the update itself (whatever it lacks, it gets no apology rather than a second
    /// failure); only a database that cannot be written propagates, so the transport answers 500 and Telegram delivers
    /// it again.
    /// </summary>
    public async Task ApologiseAsync(Update update, long? waitingId, bool concurrentChange, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            using var turn = await gate.EnterAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await MarkProcessedAsync(update.Id, ct))
            {
                return;
            }

            var from = update.Message?.From ?? update.CallbackQuery?.From;
            var chatType = update.Message is { } m ? m.Chat?.Type : null;
            if (from is { Id: not 0 } && (update.Message is null || chatType == ChatType.Private))
            {
                var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TelegramId == from.Id, ct);
                var texts = Texts.For(user?.LanguageOr(_fallback) ?? Languages.Pick(null, from.LanguageCode, _fallback));
                if (update.CallbackQuery is { Id: { Length: > 0 } callbackId })
                {
                    outbox.AnswerCallback(from.Id, callbackId, null, $"u:{update.Id}:cb");
                }

                outbox.Message(user?.ChatId ?? from.Id, concurrentChange ? texts.ConcurrentChange() : texts.Apology(), $"u:{update.Id}:apology");
            }

            await ForgetWaitingAsync(waitingId, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is not (OperationCanceledException or DbException or DbUpdateException) && !DbErrors.IsTransient(e))
        {
            log.LogError(e, "Apologising for update {UpdateId} failed too; it is dropped", update.Id);
        }
    }

    /// <summary>
    /// An update past its sender's rate, or behind their waiting ones: stored in WaitingUpdates to run in turn (telling
    /// the user once per burst), or refused when <paramref name="waiting"/> already reaches <paramref name="ceiling"/> or
    /// the user is deactivated (told once per burst, with an audit entry). A stranger's update is not stored.
    /// </summary>
    public async Task<HoldOutcome> HoldAsync(Update update, long senderId, int waiting, int ceiling, bool tellWaiting, bool tellRefusal,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        using var turn = await gate.EnterAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TelegramId == senderId, ct);
        if (user is null)
        {
            return HoldOutcome.Stranger;
        }

        if (await db.ProcessedUpdates.AnyAsync(p => p.UpdateId == update.Id, ct) || await db.WaitingUpdates.AnyAsync(w => w.UpdateId == update.Id, ct))
        {
            return HoldOutcome.Duplicate;
        }

        var texts = Texts.For(user.LanguageOr(_fallback));
        if (!user.IsActive || waiting >= ceiling)
        {
            if (!tellRefusal)
            {
                return HoldOutcome.Refused;
            }

            outbox.Message(user.ChatId, user.IsActive ? texts.TooManyWaiting() : texts.Deactivated(), $"u:{update.Id}:refused");
            db.Audit.Add(AuditEntry.Record(user.Id, user.TelegramId, AuditActions.UpdatesRefused, Now, user.DisplayName,
                after: user.IsActive ? $"{waiting} waiting" : "deactivated"));
            await db.SaveChangesAsync(ct);
            return HoldOutcome.RefusedAndTold;
        }

        string json;
        try
        {
            json = JsonSerializer.Serialize(update, JsonBotAPI.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            // Read but not writable back (an entity without its type, say): it cannot wait, so it runs now.
            log.LogWarning("Update {UpdateId} cannot be stored to wait ({Error}); it runs out of turn", update.Id, e.Message);
            return HoldOutcome.Unstorable;
        }

        db.WaitingUpdates.Add(new WaitingUpdate
        {
            UpdateId = update.Id,
            SenderTelegramId = senderId,
            Json = json,
            ReceivedAt = Now,
        });
        if (tellWaiting)
        {
            // Ahead of the replies already queued for this chat: a note that arrives 30 s into the burst explains nothing.
            outbox.Message(user.ChatId, texts.WorkingThrough(), $"u:{update.Id}:waiting", OutboxMessage.PriorityCallback);
        }

        await db.SaveChangesAsync(ct);
        return tellWaiting ? HoldOutcome.StoredAndTold : HoldOutcome.Stored;
    }

    private async Task ForgetWaitingAsync(long? waitingId, CancellationToken ct)
    {
        if (waitingId is { } id)
        {
            await db.WaitingUpdates.Where(w => w.Id == id).ExecuteDeleteAsync(ct);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<bool> OnPrivateMessageAsync(long updateId, Telegram.Bot.Types.User from, Message m, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TelegramId == from.Id, ct);
        var command = CommandLine.TryParse(m.Text);
        if (user is null)
        {
            // A stranger: only a valid invite lets them in; otherwise nothing of theirs is stored.
            var join = services.GetRequiredService<Join>();
            return await join.HandleAsync(updateId, from, m.Chat.Id, command, ct);
        }

        var ctx = ContextFor(user, updateId, from, m.Chat.Id);
        if (!user.IsActive)
        {
            ctx.Reply(ctx.T.Deactivated());
            return true;
        }

        if (user.LastSeenAt is null)
        {
            ctx.Menus.Refresh(user, _fallback);
        }

        user.Seen(m.Chat.Id, TelegramNames.FullName(from), from.Username, from.LanguageCode, Now);
        if (m.Document is { } document)
        {
            // A file is a step of its own (an import): it ends whatever dialog was waiting for a typed answer.
            user.EndDialog();
            var file = new IncomingFile(document.FileId, document.FileUniqueId, document.FileName, document.MimeType, document.FileSize, m.Caption);
            await services.GetRequiredService<CommandRunner>().RunDocumentAsync(ctx, file, ct);
            ctx.Undo.RecordIrreversibleChange();
            return true;
        }

        if (command is not null)
        {
            if (command.IsFor(await bot.UsernameAsync(ct)))
            {
                if (command.Name != "cancel")
                {
                    user.EndDialog();
                }

                await RunCommandAsync(ctx, command.Name, command.Args, ct);
            }

            return true;
        }

        // A proposal read from free text waits only for its buttons: a line typed meanwhile is read afresh.
        if (m.Text is { } text && user.ActiveDialog(Now) is { } dialog && dialog.Command != FreeTextProposals.DialogName)
        {
            user.EndDialog();
            await RunCommandAsync(ctx, dialog.Command, Dialogs.Answer(dialog.Args, text), ct);
            return true;
        }

        if (m.Text is { } said && await FreeTextProposals.TryProposeAsync(ctx, said, ct))
        {
            return true;
        }

        ctx.Reply(new Reply(ctx.T.NotUnderstood(), [[Button.Callback("📋 /menu", CommandTable.Run("menu"))]]));
        return true;
    }

    private async Task<bool> OnGroupMessageAsync(long updateId, Telegram.Bot.Types.User from, Message m, CancellationToken ct)
    {
        // Only a command addressed to us earns a note; ordinary group chatter is none of our business.
        if (CommandLine.TryParse(m.Text) is { } command && command.IsFor(await bot.UsernameAsync(ct)))
        {
            var texts = Texts.For(Languages.Pick(null, from.LanguageCode, _fallback));
            outbox.Message(m.Chat.Id, texts.PrivateChatOnly(bot.Username), $"u:{updateId}:0");
        }

        return false;
    }

    private async Task<bool> OnCallbackAsync(long updateId, CallbackQuery q, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TelegramId == q.From.Id, ct);
        if (user is null || !user.IsActive)
        {
            var texts = Texts.For(user?.LanguageOr(_fallback) ?? Languages.Pick(null, q.From.LanguageCode, _fallback));
            outbox.AnswerCallback(q.From.Id, q.Id, user is null ? texts.Stranger() : texts.Deactivated(), $"u:{updateId}:cb");
            return user is not null;
        }

        var chatId = q.Message?.Chat.Id ?? user.ChatId;
        var ctx = ContextFor(user, updateId, q.From, chatId, editable: q.Message is Message { Date.Year: > 1970 } m ? m.MessageId : null);
        user.Seen(chatId, TelegramNames.FullName(q.From), q.From.Username, q.From.LanguageCode, Now);

        await services.GetRequiredService<CommandRunner>().RunCallbackAsync(ctx, q.Data ?? "", ct);
        ctx.Undo.RecordIrreversibleChange();
        outbox.AnswerCallback(chatId, q.Id, ctx.CallbackToast, $"u:{updateId}:cb");
        return true;
    }

    private async Task<bool> OnMembershipAsync(ChatMemberUpdated change, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TelegramId == change.From.Id, ct);
        if (user is null)
        {
            return false;
        }

        var ctx = ContextFor(user, 0, change.From, change.Chat.Id);
        if (change.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left)
        {
            user.MarkBlockedBot();
            ctx.Audit.Record(AuditActions.UserBlockedBot, user.DisplayName);
        }
        else
        {
            user.Seen(change.Chat.Id, TelegramNames.FullName(change.From), change.From.Username, change.From.LanguageCode, Now);
            ctx.Audit.Record(AuditActions.UserUnblockedBot, user.DisplayName);
        }

        return true;
    }

    private async Task RunCommandAsync(BotContext ctx, string name, string args, CancellationToken ct)
    {
        await services.GetRequiredService<CommandRunner>().RunCommandAsync(ctx, name, args, ct);
        ctx.Undo.RecordIrreversibleChange();
    }

    private BotContext ContextFor(User user, long updateId, Telegram.Bot.Types.User from, long chatId, int? editable = null) =>
        new(db, outbox, user, Texts.For(Languages.Pick(user.ChosenLanguage, from.LanguageCode ?? user.TelegramLanguageCode, _fallback)), updateId, Now, web.Value.Url)
        {
            SourceMessageId = editable,
        };
}

using System.Net;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ChatCrm.Bot.Outbox;

/// <summary>Sends outbox rows through Telegram.Bot and translates its errors into <see cref="SendResult"/>.</summary>
/// <remarks>
/// With Telegram:AllowPaidBroadcast the rows that <see cref="OutboxMessage.MayGoPaid"/> carry <c>allow_paid_broadcast</c>,
/// and their requests are paced at the wire in the paid regime (<see cref="PaidBroadcastRequest"/>).
/// </remarks>
internal sealed class TelegramGateway(ITelegramBotClient bot, IOptions<OutboxOptions> options, ILogger<TelegramGateway> log) : IBotGateway
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(20);
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public bool IsThrottled => true;

    public bool AllowsPaid(OutboxMessage message) => options.Value.AllowPaidBroadcast && message.MayGoPaid;

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        try
        {
            return await SendCoreAsync(message, timeout.Token);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            return new SendResult.RetryAfter(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            return new SendResult.Blocked(e.Message);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            return new SendResult.Sent(null);
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
        {
            return new SendResult.Rejected($"{e.ErrorCode}: {e.Message}");
        }
        catch (ApiRequestException e)
        {
            return new SendResult.Transient($"{e.ErrorCode}: {e.Message}", ServerError: e.ErrorCode >= 500);
        }
        catch (RequestException e)
        {
            return e.HttpStatusCode is { } code && (int)code is >= 400 and < 500 && code != HttpStatusCode.TooManyRequests
                ? new SendResult.Rejected($"{(int)code}: {e.Message}")
                : new SendResult.Transient(e.Message, ServerError: e.HttpStatusCode is { } status && (int)status >= 500);
        }
        catch (HttpRequestException e)
        {
            return new SendResult.Transient(e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Sending outbox row {Id} timed out after {Timeout}", message.Id, SendTimeout);
            return new SendResult.Transient("timeout");
        }
    }

    private async Task<SendResult> SendCoreAsync(OutboxMessage message, CancellationToken ct)
    {
        var paid = AllowsPaid(message);
        // Flows down to the pacer in the HTTP chain (this method's own context: it does not leak to the caller).
        PaidBroadcastRequest.Current.Value = paid;
        switch (message.Kind)
        {
            case OutboxKind.Message:
            {
                var p = Payloads.Read<MessagePayload>(message.Payload);
                var sent = await bot.SendMessage(message.ChatId, p.Html, parseMode: ParseMode.Html,
                    replyMarkup: Keyboard(p), linkPreviewOptions: NoPreview, allowPaidBroadcast: paid, cancellationToken: ct);
                return new SendResult.Sent(sent.MessageId);
            }

            case OutboxKind.EditMessage:
            {
                var p = Payloads.Read<MessagePayload>(message.Payload);
                var edited = await bot.EditMessageText(message.ChatId, p.EditMessageId!.Value, p.Html, parseMode: ParseMode.Html,
                    replyMarkup: Keyboard(p), linkPreviewOptions: NoPreview, cancellationToken: ct);
                return new SendResult.Sent(edited.MessageId);
            }

            case OutboxKind.Photo:
            {
                var p = Payloads.Read<PhotoPayload>(message.Payload);
                await using var png = new MemoryStream(Convert.FromBase64String(p.PngBase64));
                var sent = await bot.SendPhoto(message.ChatId, InputFile.FromStream(png, "chart.png"), caption: p.CaptionHtml,
                    parseMode: ParseMode.Html, allowPaidBroadcast: paid, cancellationToken: ct);
                return new SendResult.Sent(sent.MessageId);
            }

            case OutboxKind.Document:
            {
                var p = Payloads.Read<DocumentPayload>(message.Payload);
                await using var content = new MemoryStream(Convert.FromBase64String(p.ContentBase64));
                var sent = await bot.SendDocument(message.ChatId, InputFile.FromStream(content, p.FileName), caption: p.CaptionHtml,
                    parseMode: ParseMode.Html, allowPaidBroadcast: paid, cancellationToken: ct);
                return new SendResult.Sent(sent.MessageId);
            }

            case OutboxKind.AnswerCallback:
            {
                var p = Payloads.Read<CallbackAnswerPayload>(message.Payload);
                await bot.AnswerCallbackQuery(p.CallbackQueryId, text: p.Text, cancellationToken: ct);
                return new SendResult.Sent(null);
            }

            case OutboxKind.SetCommands:
            {
                var p = Payloads.Read<CommandMenuPayload>(message.Payload);
                if (p.Commands.Length == 0)
                {
                    // No commands of their own: the chat falls back to the bot's default list.
                    await bot.DeleteMyCommands(scope: BotCommandScope.Chat(message.ChatId), cancellationToken: ct);
                }
                else
                {
                    await bot.SetMyCommands(p.Commands.Select(c => new BotCommand(c.Command, c.Description)),
                        scope: BotCommandScope.Chat(message.ChatId), cancellationToken: ct);
                }

                return new SendResult.Sent(null);
            }

            case OutboxKind.MenuButton:
            {
                var p = Payloads.Read<MenuButtonPayload>(message.Payload);
                await bot.SetChatMenuButton(message.ChatId,
                    p.Url is null ? new MenuButtonDefault() : new MenuButtonWebApp { Text = p.Text ?? "", WebApp = new WebAppInfo { Url = p.Url } }, ct);
                return new SendResult.Sent(null);
            }

            default:
                return new SendResult.Rejected($"Unknown outbox kind {message.Kind}");
        }
    }

    private static InlineKeyboardMarkup? Keyboard(MessagePayload p) =>
        p.Buttons is null
            ? null
            : new InlineKeyboardMarkup(p.Buttons.Select(row => row.Select(b => b switch
            {
                { WebApp: true, Url: { } app } => InlineKeyboardButton.WithWebApp(b.Text, new WebAppInfo(app)),
                { Url: { } url } => InlineKeyboardButton.WithUrl(b.Text, url),
                _ => InlineKeyboardButton.WithCallbackData(b.Text, b.Data ?? ""),
            })));
}

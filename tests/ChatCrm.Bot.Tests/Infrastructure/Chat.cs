using System.Text.Json;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>One message the bot wrote to a chat: its HTML, its buttons (label → callback data), and whether it redrew an earlier one.</summary>
public sealed record Said(string Text, IReadOnlyList<(string Label, string Data)> Buttons, bool Redrawn = false)
{
    /// <summary>The callback data of the first button whose label contains <paramref name="labelPart"/>.</summary>
    public string Button(string labelPart) =>
        Buttons.First(b => b.Label.Contains(labelPart, StringComparison.Ordinal)).Data;

    public bool Has(string dataPrefix) => Buttons.Any(b => b.Data.StartsWith(dataPrefix, StringComparison.Ordinal));

    public IReadOnlyList<string> Labels => [.. Buttons.Select(b => b.Label)];

    public IReadOnlyList<string> CallbackData => [.. Buttons.Select(b => b.Data)];

    /// <summary>Buttons as "label=data" lines, readable in assertions.</summary>
    public string Markup => string.Join("\n", Buttons.Select(b => $"{b.Label}={b.Data}"));

    /// <summary>Russian digit groups are separated by no-break spaces; tests compare with plain ones.</summary>
    public string Plain => Text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>For a test that checks the text and the buttons: <c>var (text, markup) = await chat.LastAsync(…)</c>.</summary>
    public void Deconstruct(out string text, out string markup) => (text, markup) = (Text, Markup);
}

/// <summary>
/// One person talking to the real host: what they type and tap goes in as Telegram updates, and what the bot said
/// back is read from the outbox the moment the webhook answered 200. The row is committed with the change, so a test
/// need not wait for the dispatcher's one-message-a-second pace per chat, nor for a fake clock to move.
/// </summary>
/// <param name="name">The first name Telegram sends with each update (the bot keeps it as the user's name); null sends the default of <see cref="Updates"/>.</param>
public sealed partial class Chat(ChatCrmApp app, long telegramId, string? name = null, string language = "ru")
{
    public long TelegramId => telegramId;

    /// <summary>The admin the configuration names, Анна.</summary>
    public static Chat Admin(ChatCrmApp app) => new(app, ChatCrmApp.AdminId);

    /// <summary>Brings a person in the way they really join: an invite from the admin, then /start with its code.</summary>
    public static async Task<Chat> JoinAsync(ChatCrmApp app, long telegramId, string role = "manager", string? name = "Иван", string language = "ru")
    {
        var code = await InviteAsync(app, role);
        var before = app.Api.DeliveredTo(telegramId).Count;
        await app.SendAsync(Updates.Text(telegramId, $"/start {code}", language, name));
        try
        {
            await app.Api.WaitForMessagesAsync(telegramId, before + 1);
        }
        catch (TimeoutException e)
        {
            // Seen once in CI, not since: say whether the welcome was never written or written and never sent.
            var rows = await app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.ChatId == telegramId)
                .Select(m => $"#{m.Id} {m.Kind} {m.Status} attempts={m.Attempts} created={m.CreatedAt:O} next={m.NextAttemptAt:O} expires={m.ExpiresAt:O} error={m.Error}")
                .ToListAsync());
            throw new TimeoutException($"{e.Message}\nOutbox rows for {telegramId}: {(rows.Count == 0 ? "none" : string.Join("\n", rows))}", e);
        }

        return new Chat(app, telegramId, name, language);
    }

    /// <summary>
    /// An invite code for <paramref name="role"/>, asked of the bot by <paramref name="by"/> (the admin unless said). It
    /// returns once the invite was delivered, so a test that counts what that chat received counts it too.
    /// </summary>
    public static async Task<string> InviteAsync(ChatCrmApp app, string role, long by = ChatCrmApp.AdminId)
    {
        var reply = (await new Chat(app, by).LastAsync($"/invite {role}")).Text;
        var match = InviteCode().Match(reply);
        match.Success.Should().BeTrue($"the invite reply should carry a code, but was: {reply}");
        var code = match.Groups[1].Value;
        await app.Api.WaitForAsync(c => c.Any(x => x.Ok && x.ChatId == by && x.Method == "sendMessage" && x.Text?.Contains(code, StringComparison.Ordinal) == true),
            because: "the invite is delivered");
        return code;
    }

    /// <summary>Everything the bot said to this chat in answer, oldest first; <paramref name="languageCode"/> overrides what Telegram reports for this one message.</summary>
    public Task<IReadOnlyList<Said>> SayAsync(string text, string? languageCode = null) =>
        AnswerToAsync(Updates.Text(telegramId, text, languageCode ?? language, name));

    /// <summary>The last thing the bot said in answer.</summary>
    public async Task<Said> LastAsync(string text, string? languageCode = null)
    {
        var said = await SayAsync(text, languageCode);
        said.Should().NotBeEmpty($"the bot should answer «{text}»");
        return said[^1];
    }

    /// <summary>
    /// Sends the bot a file as a Telegram document (the fake Bot API keeps it for getFile and the download) and returns
    /// everything the bot said in answer, oldest first. <paramref name="reportedSize"/> overrides the document's
    /// file_size, for a file too big to build in a test.
    /// </summary>
    public Task<IReadOnlyList<Said>> SendDocumentAsync(byte[] content, string fileName, string? caption = null, long? reportedSize = null)
    {
        var (fileId, uniqueId, size) = app.Api.RegisterFile(content, fileName, reportedSize);
        return AnswerToAsync(Updates.Document(telegramId, fileId, uniqueId, size, fileName, caption, language, name));
    }

    /// <summary>Everything the bot said or redrew in this chat in answer to a button tap, oldest first.</summary>
    public Task<IReadOnlyList<Said>> TapAsync(string data) => AnswerToAsync(Tap(data));

    /// <summary>A tap whose effect may be only a toast, or lands in another chat: waits until Telegram was sent the callback answer.</summary>
    public async Task TapUntilAnsweredAsync(string data)
    {
        var answered = app.Api.Calls.Count(c => c.Method == "answerCallbackQuery");
        await app.SendAsync(Tap(data));
        await app.Api.WaitForAsync(c => c.Count(x => x.Method == "answerCallbackQuery") > answered, because: $"the tap {data} is answered");
    }

    /// <summary>Opens a deal the way a manager does and returns its number.</summary>
    public async Task<long> OpenDealAsync(string args)
    {
        var (reply, markup) = await LastAsync("/deal " + args);
        if (markup.Contains("=pick:new", StringComparison.Ordinal))
        {
            // The client already has an open deal: this helper means "one more".
            reply = (await TapAsync("pick:new"))[^1].Text;
        }

        reply.Should().Contain("#", $"the deal should open, but the bot said: {reply}");
        return await app.QueryAsync(db => db.Deals.OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync());
    }

    public Task<long> UserIdAsync() => app.UserIdAsync(telegramId);

    public Task<Client> ClientAsync(string clientName) => app.QueryAsync(db => db.Clients.SingleAsync(c => c.Name == clientName));

    [GeneratedRegex(@"start[= ]([A-Za-z0-9_-]+)")]
    private static partial Regex InviteCode();

    /// <summary>From this user by name, so a tap does not rename them.</summary>
    private string Tap(string data) => Updates.Tap(telegramId, data, languageCode: language, firstName: name);

    /// <summary>Posts the update and returns what the bot wrote to this chat while handling it.</summary>
    private async Task<IReadOnlyList<Said>> AnswerToAsync(string update)
    {
        var before = await app.QueryAsync(db => db.Outbox.Select(m => (long?)m.Id).MaxAsync()) ?? 0;
        await app.SendAsync(update);
        var rows = await app.QueryAsync(db => db.Outbox
            .Where(m => m.ChatId == telegramId && m.Id > before && (m.Kind == OutboxKind.Message || m.Kind == OutboxKind.EditMessage))
            .OrderBy(m => m.Id).ToListAsync());
        return [.. rows.Select(r => (Row: r, Payload: JsonSerializer.Deserialize<MessagePayload>(r.Payload)!))
            .Select(x => new Said(
                x.Payload.Html,
                x.Payload.Buttons?.SelectMany(row => row).Select(b => (b.Text, b.Data ?? b.Url ?? "")).ToList() ?? [],
                x.Row.Kind == OutboxKind.EditMessage))];
    }
}

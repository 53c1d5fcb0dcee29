using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Clients;

/// <summary>One message the bot wrote to a chat: its HTML and its buttons (label → callback data).</summary>
public sealed record Said(string Text, IReadOnlyList<(string Label, string Data)> Buttons)
{
    public string Button(string labelPart) =>
        Buttons.First(b => b.Label.Contains(labelPart, StringComparison.Ordinal)).Data;

    public bool Has(string dataPrefix) => Buttons.Any(b => b.Data.StartsWith(dataPrefix, StringComparison.Ordinal));
}

/// <summary>
/// A user talking to the real host. Replies are read from the outbox the moment the webhook answered 200: the row
/// is committed with the change, so the test need not wait for the dispatcher's one-message-a-second pace per chat.
/// </summary>
public sealed class CrmChat(ChatCrmApp app, long telegramId, string language = "ru", string? name = null)
{
    private long _seen = -1;

    public long TelegramId => telegramId;

    public static async Task<CrmChat> JoinAsync(ChatCrmApp app, long telegramId, string role = "manager", string name = "Иван", string language = "ru")
    {
        await Team.JoinAsync(app, telegramId, role, name, language);
        var chat = new CrmChat(app, telegramId, language, name);
        await chat.SkipAsync();
        return chat;
    }

    public async Task<IReadOnlyList<Said>> SayAsync(string text)
    {
        await SkipIfNewAsync();
        await app.SendAsync(Updates.Text(telegramId, text, language, name));
        return await NewAsync();
    }

    public async Task<Said> LastAsync(string text) => (await SayAsync(text))[^1];

    public async Task<IReadOnlyList<Said>> TapAsync(string data)
    {
        await SkipIfNewAsync();
        await app.SendAsync(Tap(data));
        return await NewAsync();
    }

    /// <summary>Like <see cref="Updates.Tap"/>, but from this user by name, so a tap does not rename them.</summary>
    private string Tap(string data)
    {
        var json = JsonNode.Parse(Updates.Tap(telegramId, data, languageCode: language))!;
        if (name is not null)
        {
            json["callback_query"]!["from"]!["first_name"] = name;
        }

        return json.ToJsonString();
    }

    public Task<long> UserIdAsync() => app.QueryAsync(db => db.Users.Where(u => u.TelegramId == telegramId).Select(u => u.Id).SingleAsync());

    public Task<Client> ClientAsync(string name) => app.QueryAsync(db => db.Clients.SingleAsync(c => c.Name == name));

    private async Task SkipIfNewAsync()
    {
        if (_seen < 0)
        {
            await SkipAsync();
        }
    }

    private async Task SkipAsync() =>
        _seen = await app.QueryAsync(db => db.Outbox.Select(m => (long?)m.Id).MaxAsync()) ?? 0;

    private async Task<IReadOnlyList<Said>> NewAsync()
    {
        var after = _seen;
        var rows = await app.QueryAsync(db => db.Outbox
            .Where(m => m.ChatId == telegramId && m.Id > after && (m.Kind == OutboxKind.Message || m.Kind == OutboxKind.EditMessage))
            .OrderBy(m => m.Id).ToListAsync());
        _seen = await app.QueryAsync(db => db.Outbox.Select(m => (long?)m.Id).MaxAsync()) ?? 0;
        return [.. rows.Select(r => JsonSerializer.Deserialize<MessagePayload>(r.Payload)!)
            .Select(p => new Said(p.Html, p.Buttons?.SelectMany(row => row).Select(b => (b.Text, b.Data ?? "")).ToList() ?? []))];
    }
}

using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

/// <summary>
/// Talks to the real host as one user: sends a command or taps a button and returns what the bot said (a new
/// message or the tapped one redrawn). Clients are made directly in the database, as their own feature would.
/// </summary>
public sealed class DealsDriver(ChatCrmApp app)
{
    public ChatCrmApp App { get; } = app;

    public async Task<string> SayAsync(long from, string text, string? language = "ru") =>
        (await SayForMarkupAsync(from, text, language)).Text;

    /// <summary>The reply's text and its buttons' JSON.</summary>
    public async Task<(string Text, string Markup)> SayForMarkupAsync(long from, string text, string? language = "ru")
    {
        var before = Count(from);
        await App.SendAsync(Updates.Text(from, text, language));
        return await NextAsync(from, before);
    }

    public async Task<(string Text, string Markup)> TapAsync(long from, string data, string? language = "ru")
    {
        var before = Count(from);
        await App.SendAsync(Updates.Tap(from, data, languageCode: language));
        return await NextAsync(from, before);
    }

    /// <summary>A tap whose only visible effect may be a toast (a stale button): waits for the callback answer.</summary>
    public async Task TapQuietlyAsync(long from, string data)
    {
        var answered = App.Api.Calls.Count(c => c.Method == "answerCallbackQuery");
        await App.SendAsync(Updates.Tap(from, data));
        await App.Api.WaitForAsync(c => c.Count(x => x.Method == "answerCallbackQuery") > answered, because: "the tap is answered");
    }

    public Task<long> UserIdAsync(long telegramId) =>
        App.QueryAsync(db => db.Users.Where(u => u.TelegramId == telegramId).Select(u => u.Id).SingleAsync());

    public async Task<long> ClientAsync(string name, long ownerTelegramId)
    {
        var owner = await UserIdAsync(ownerTelegramId);
        return await App.QueryAsync(async db =>
        {
            var client = Client.Create(name, owner, DateTime.UtcNow, owner);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });
    }

    public Task<Deal> DealAsync(long id) => App.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == id));

    public Task<Deal> LastDealAsync() => App.QueryAsync(db => db.Deals.OrderByDescending(d => d.Id).FirstAsync());

    public Task<List<StageChange>> HistoryAsync(long dealId) =>
        App.QueryAsync(db => db.StageChanges.Where(c => c.DealId == dealId).OrderBy(c => c.Id).ToListAsync());

    public Task<List<Stage>> StagesAsync() =>
        App.QueryAsync(db => db.Stages.Where(s => !s.IsRetired).OrderBy(s => s.CycleId).ThenBy(s => s.Position).ToListAsync());

    /// <summary>Opens a deal the way a manager does and returns its number.</summary>
    public async Task<long> OpenAsync(long from, string args)
    {
        var reply = await SayAsync(from, "/deal " + args);
        reply.Should().Contain("#", $"the deal should open, but the bot said: {reply}");
        return (await LastDealAsync()).Id;
    }

    /// <summary>Buttons as "label=data" lines, readable in assertions (the JSON escapes Cyrillic).</summary>
    private static string Buttons(System.Text.Json.Nodes.JsonNode? markup) =>
        markup?["inline_keyboard"] is System.Text.Json.Nodes.JsonArray rows
            ? string.Join("\n", rows.SelectMany(r => r!.AsArray()).Select(b => $"{b!["text"]}={b["callback_data"]}"))
            : "";

    private int Count(long chat) =>
        App.Api.Calls.Count(c => c.Ok && c.ChatId == chat && c.Method is "sendMessage" or "editMessageText");

    private async Task<(string Text, string Markup)> NextAsync(long chat, int before)
    {
        var calls = await App.Api.WaitForAsync(
            c => c.Count(x => x.Ok && x.ChatId == chat && x.Method is "sendMessage" or "editMessageText") > before,
            because: $"a reply to {chat}");
        var last = calls.Where(x => x.Ok && x.ChatId == chat && x.Method is "sendMessage" or "editMessageText").ToList()[before];
        return (last.Text ?? "", Buttons(last.Body["reply_markup"]));
    }
}

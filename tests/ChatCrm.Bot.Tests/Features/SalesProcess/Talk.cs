using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.SalesProcess;

/// <summary>Saying something to the bot and reading its answer, and putting CRM rows straight into the database.</summary>
internal static class Talk
{
    public static async Task<ApiCall> SayAsync(this ChatCrmApp app, long from, string text, string language = "ru")
    {
        var before = app.Api.DeliveredTo(from).Count;
        await app.SendAsync(Updates.Text(from, text, language));
        return (await app.Api.WaitForMessagesAsync(from, before + 1, TimeSpan.FromSeconds(20)))[^1];
    }

    /// <summary>A tap whose answer is a new message (a pick re-running a command).</summary>
    public static async Task<ApiCall> TapAsync(this ChatCrmApp app, long from, string data)
    {
        var before = app.Api.DeliveredTo(from).Count;
        await app.SendAsync(Updates.Tap(from, data));
        return (await app.Api.WaitForMessagesAsync(from, before + 1, TimeSpan.FromSeconds(20)))[^1];
    }

    /// <summary>A tap whose answer redraws the tapped message.</summary>
    public static async Task<ApiCall> TapEditAsync(this ChatCrmApp app, long from, string data)
    {
        var before = app.Api.DeliveredTo(from, "editMessageText").Count;
        await app.SendAsync(Updates.Tap(from, data));
        var calls = await app.Api.WaitForAsync(c => c.Count(x => x.Method == "editMessageText" && x.Ok && x.ChatId == from) > before,
            TimeSpan.FromSeconds(20), "the tapped message is redrawn");
        return calls.Last(x => x.Method == "editMessageText" && x.Ok && x.ChatId == from);
    }

    public static IReadOnlyList<string> CallbackData(this ApiCall call) =>
        call.Body["reply_markup"]?["inline_keyboard"]?.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(b => b!["callback_data"]?.GetValue<string>())
            .OfType<string>()
            .ToList() ?? [];

    public static IReadOnlyList<string> ButtonTexts(this ApiCall call) =>
        call.Body["reply_markup"]?["inline_keyboard"]?.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(b => b!["text"]!.GetValue<string>())
            .ToList() ?? [];

    /// <summary>The callback data of the button whose label contains <paramref name="label"/>.</summary>
    public static string Button(this ApiCall call, string label)
    {
        var buttons = call.Body["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray());
        return buttons.First(b => b!["text"]!.GetValue<string>().Contains(label, StringComparison.Ordinal))!["callback_data"]!.GetValue<string>();
    }

    /// <summary>Russian digit groups are separated by no-break spaces; tests compare with plain ones.</summary>
    public static string Plain(this ApiCall call) => (call.Text ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' ');

    public static Task<long> UserIdAsync(this ChatCrmApp app, long telegramId) =>
        app.QueryAsync(db => db.Users.Where(u => u.TelegramId == telegramId).Select(u => u.Id).SingleAsync());

    public static Task<T> WriteAsync<T>(this ChatCrmApp app, Func<ChatCrmDbContext, Task<T>> write) =>
        app.QueryAsync(async db =>
        {
            var result = await write(db);
            await db.SaveChangesAsync();
            return result;
        });

    public static Task<long> ClientAsync(this ChatCrmApp app, string name, long? ownerId, long? segmentId = null, DateTime? lastTouch = null) =>
        app.WriteAsync(async db =>
        {
            var client = Client.Create(name, ownerId ?? 1, DateTime.UtcNow.AddDays(-30), ownerId);
            if (segmentId is { } id)
            {
                client.SetSegment(await db.Segments.SingleAsync(s => s.Id == id));
            }

            if (lastTouch is { } touch)
            {
                client.RecordTouch(touch);
            }

            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });

    /// <summary>Opens a deal in a stage of the default cycle, with its "opened" history row, as /deal would.</summary>
    public static Task<long> DealAsync(this ChatCrmApp app, long clientId, long ownerId, string stageName, decimal amount, DateTime? at = null) =>
        app.WriteAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var stage = await db.Stages.SingleAsync(s => s.CycleId == cycle.Id && s.Name == stageName && !s.IsRetired);
            var (deal, opened) = Deal.Open(client, cycle, stage, amount, "RUB", null, ownerId, at ?? DateTime.UtcNow.AddDays(-5), ownerId);
            db.Deals.Add(deal);
            db.StageChanges.Add(opened);
            await db.SaveChangesAsync();
            return deal.Id;
        });

    public static Task<long> SegmentAsync(this ChatCrmApp app, string name) =>
        app.WriteAsync(async db =>
        {
            var segment = Segment.Create(name);
            db.Segments.Add(segment);
            await db.SaveChangesAsync();
            return segment.Id;
        });
}

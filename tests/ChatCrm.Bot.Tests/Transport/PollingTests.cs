using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Transport;

public sealed class PollingTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync(polling: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_a_webhook_url_the_bot_long_polls_and_answers_an_update()
    {
        _app.Api.EnqueueUpdate(Updates.Text(ChatCrmApp.AdminId, "/help", "en", updateId: 1));

        var reply = (await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId)).Single();

        reply.Text.Should().Contain("Commands").And.Contain("/invite");
        _app.Api.Calls.Should().Contain(c => c.Method == "deleteWebhook");
        _app.Api.Calls.Should().NotContain(c => c.Method == "setWebhook");
    }

    [Fact]
    public async Task Polling_confirms_an_update_only_after_committing_it_and_a_redelivery_does_nothing()
    {
        var update = Updates.Text(ChatCrmApp.AdminId, "/lang en", updateId: 7);
        _app.Api.EnqueueUpdate(update);
        _app.Api.EnqueueUpdate(update);

        await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "getUpdates" && x.Body["offset"]?.GetValue<int>() == 8), because: "offset moved past 7");
        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId);
        await Task.Delay(300);

        _app.Api.DeliveredTo(ChatCrmApp.AdminId).Should().ContainSingle();
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(1);
    }

    [Fact]
    public async Task A_burst_fetched_by_polling_is_confirmed_at_once_and_every_update_takes_effect_in_order()
    {
        // The clock stands still: the 30 the rate allows run at once, the other 10 wait until it moves on.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await _app.DisposeAsync();
        _app = await ChatCrmApp.StartAsync(polling: true, clock: clock);
        await Seed.ClientAsync(_app, "Ромашка", await _app.UserIdAsync(ChatCrmApp.AdminId), clock.GetUtcNow().UtcDateTime.AddDays(-30));
        for (var i = 1; i <= 40; i++)
        {
            _app.Api.EnqueueUpdate(Updates.Text(ChatCrmApp.AdminId, $"/call Ромашка заметка {i:00}", updateId: 100 + i));
        }

        await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "getUpdates" && x.Body["offset"]?.GetValue<int>() == 141), because: "offset moved past the burst");
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(10);
        clock.Advance(TimeSpan.FromSeconds(10));

        for (var wait = 0; wait < 400 && await _app.CountAsync<Touch>() < 40; wait++)
        {
            await Task.Delay(50);
        }

        var notes = await _app.QueryAsync(db => db.Touches.OrderBy(t => t.Id).Select(t => t.Note).ToListAsync());
        notes.Should().Equal(Enumerable.Range(1, 40).Select(i => $"заметка {i:00}"));
    }

    [Fact]
    public async Task An_update_the_library_cannot_read_is_skipped_and_the_ones_around_it_are_answered()
    {
        const string from = """{"id": 1001, "is_bot": false, "first_name": "Анна", "language_code": "en"}""";
        const string chat = """{"id": 1001, "first_name": "Анна", "type": "private"}""";
        _app.Api.EnqueueUpdate(Updates.Text(ChatCrmApp.AdminId, "/help", "en", updateId: 20));
        _app.Api.EnqueueUpdate("""{"update_id": 21, "my_chat_member": {"chat": CHAT, "from": FROM, "date": 1795766880, "old_chat_member": {"user": FROM, "status": "member"}, "new_chat_member": {"user": FROM}}}"""
            .Replace("CHAT", chat, StringComparison.Ordinal).Replace("FROM", from, StringComparison.Ordinal));
        _app.Api.EnqueueUpdate("""{"update_id": 22, "message": {"message_id": 1, "date": 1795766880, "from": FROM, "text": "/help"}}"""
            .Replace("FROM", from, StringComparison.Ordinal));
        _app.Api.EnqueueUpdate(Updates.Text(ChatCrmApp.AdminId, "/lang ru", "en", updateId: 23));

        await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "getUpdates" && x.Body["offset"]?.GetValue<int>() == 24), because: "offset moved past all four");
        var replies = await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId, 2);

        replies[0].Text.Should().Contain("Commands");
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(2, "only the two readable updates were handled");
    }
}

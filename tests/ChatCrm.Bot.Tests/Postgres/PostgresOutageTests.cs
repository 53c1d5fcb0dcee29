using System.Text.Json.Nodes;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>An outage on PostgreSQL: the expiry sweep, the probe and /health/ready work on its SQL too.</summary>
[Postgres]
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private ChatCrmApp? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        await _app.DisposeAsync();
        await _database.DropAsync();
    }

    [PostgresFact]
    public async Task During_an_outage_a_stale_button_answer_expires_the_backlog_shows_in_health_and_the_reply_arrives_after()
    {
        var settings = _database.Settings;
        settings["Outbox:CallbackLifetime"] = "00:00:01";
        settings["Outbox:MaxOutagePause"] = "00:00:00.3";
        var app = _app = await ChatCrmApp.StartAsync(settings: settings);
        var down = true;
        app.Api.Behaviour = (method, _) => method is "sendMessage" or "answerCallbackQuery" && Volatile.Read(ref down) ? new FakeAnswer(502, "Bad Gateway") : null;

        await app.ExecuteAsync(async services =>
        {
            var outbox = services.GetRequiredService<OutboxWriter>();
            outbox.AnswerCallback(68_001, "cbq-pg", "✅", "test:pg:cb");
            outbox.Message(68_002, "kept", "test:pg:reply");
            await services.GetRequiredService<ChatCrmDbContext>().SaveChangesAsync();
        });
        await app.Api.WaitForAsync(c => c.Any(x => x.Status == 502), because: "the outage is noticed");
        await Task.Delay(1500);

        using var http = app.CreateClient();
        var ready = JsonNode.Parse(await http.GetStringAsync("/health/ready"))!["outbox"]!;
        ready["sending"]!.GetValue<string>().Should().Be("paused");
        ready["pending"]!.GetValue<int>().Should().Be(1, "the button answer has expired, the reply waits");
        ready["oldestPendingAgeSeconds"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(1);

        Volatile.Write(ref down, false);
        await app.Api.WaitForMessagesAsync(68_002, 1, TimeSpan.FromSeconds(10));
        var recorded = DateTime.UtcNow.AddSeconds(5);
        while (await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending)) && DateTime.UtcNow < recorded)
        {
            await Task.Delay(50); // the send is recorded just after Telegram answers
        }

        var rows = await app.QueryAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        rows.Single(m => m.DedupKey == "test:pg:cb").Status.Should().Be(OutboxStatus.Expired);
        rows.Single(m => m.DedupKey == "test:pg:reply").Status.Should().Be(OutboxStatus.Sent);
        app.Api.Calls.Should().NotContain(c => c.Method == "answerCallbackQuery" && c.Ok);
    }
}

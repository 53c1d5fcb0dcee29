using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Outbox;

/// <summary>
/// Telegram unreachable (the fake Bot API answers 502): sending pauses for everybody and probes with one message,
/// nothing is given up for failing, and rows are expired only once they are of no use. Lifetimes and the pause cap are
/// shortened through configuration, and the sender's clock runs five times faster (<see cref="RunningClock"/>, shared
/// by the fake Bot API's stamps), so each test takes a second or two.
/// </summary>
[Collection(nameof(Throttling))]
public sealed class OutageTests : IAsyncLifetime
{
    private static readonly FakeAnswer BadGateway = new(502, "Bad Gateway");

    private readonly RunningClock _send = RunningClock.Start();
    private ChatCrmApp? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _send.DisposeAsync();
    }

    /// <summary>The sender (and the fake Bot API's stamps) on the running clock; the application on <paramref name="clock"/> (real when null).</summary>
    private async Task<ChatCrmApp> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        _app = await ChatCrmApp.StartAsync(settings: settings, clock: clock, sendClock: _send.Provider, arrange: api => api.Clock = _send.Provider);

    private DateTime Now => _send.UtcNow;

    /// <summary>Telegram fails every send (not the start-up calls) while <paramref name="down"/> says so.</summary>
    private static void Down(ChatCrmApp app, Func<bool> down) =>
        app.Api.Behaviour = (method, _) => method != "getMe" && method != "setWebhook" && down() ? BadGateway : null;

    private static Task QueueAsync(ChatCrmApp app, Action<OutboxWriter> write) =>
        app.ExecuteAsync(async services =>
        {
            write(services.GetRequiredService<OutboxWriter>());
            await services.GetRequiredService<ChatCrmDbContext>().SaveChangesAsync();
        });

    private static Task<OutboxMessage> RowAsync(ChatCrmApp app, string key) =>
        app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.DedupKey == key));

    private static async Task<OutboxMessage> WaitForStatusAsync(ChatCrmApp app, string key, OutboxStatus status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var row = await RowAsync(app, key);
            if (row.Status == status || DateTime.UtcNow > deadline)
            {
                return row;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Telegram has answered; the dispatcher records the answer a moment later.</summary>
    private static async Task WaitUntilNothingPendingAsync(ChatCrmApp app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task An_outage_pauses_all_sending_probes_with_one_message_at_growing_intervals_and_every_reply_arrives_after_it()
    {
        var app = await StartAsync();
        var outageEnds = Now.AddSeconds(4);
        Down(app, () => Now < outageEnds);

        await QueueAsync(app, outbox =>
        {
            for (var i = 1; i <= 30; i++)
            {
                outbox.Message(63_000 + i, $"reply {i}", $"test:outage:{i}");
            }
        });

        var calls = await app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 30, TimeSpan.FromSeconds(20), "all 30 replies delivered");
        var failed = calls.Where(c => c.Status == 502).Select(c => c.At).Order().ToList();
        var first = failed[0];
        var probes = failed.Where(at => at - first > TimeSpan.FromMilliseconds(500)).ToList();
        failed.Count.Should().BeLessThan(30, "the rows no longer try one by one: only those already under way when the outage began, then probes");
        probes.Count.Should().BeInRange(1, 3, "one probe per pause step (about 1 s, then 2 s more) while the outage lasts");
        if (probes.Count >= 2)
        {
            (probes[1] - probes[0]).Should().BeGreaterThan(probes[0] - first, "each failed probe makes the pause longer");
        }

        var resumed = calls.Where(c => c.Method == "sendMessage" && c.Ok).Select(c => c.At).Order().ToList();
        resumed[0].Should().BeAfter(outageEnds.AddMilliseconds(-100), "nothing got through during the outage");
        (resumed[^1] - resumed[0]).Should().BeLessThan(TimeSpan.FromSeconds(3), "after the probe goes through, the backlog leaves at the normal pace");
        app.Api.Delivered().GroupBy(c => c.ChatId).Should().HaveCount(30).And.OnlyContain(g => g.Count() == 1);
        await WaitUntilNothingPendingAsync(app);
        (await app.QueryAsync(db => db.Outbox.CountAsync(m => m.Status != OutboxStatus.Sent))).Should().Be(0);
    }

    [Fact]
    public async Task A_row_probed_far_more_often_than_the_old_eight_tries_is_not_given_up_and_goes_out_when_telegram_returns()
    {
        // A button answer is not a chat message, so it may probe at every pause (~0.3 s here), not once a second.
        // The answer's lifetime runs on the application's clock, which here is the real one: a minute is plenty.
        var app = await StartAsync(new() { ["Outbox:MaxOutagePause"] = "00:00:00.3", ["Outbox:CallbackLifetime"] = "00:01:00" });
        var outageEnds = Now.AddSeconds(6);
        Down(app, () => Now < outageEnds);

        await QueueAsync(app, outbox => outbox.AnswerCallback(64_001, "cbq-patient", "✅", "test:long:cb"));

        await app.Api.WaitForAsync(c => c.Any(x => x.Method == "answerCallbackQuery" && x.Ok), TimeSpan.FromSeconds(15), "the answer delivered");
        await WaitUntilNothingPendingAsync(app);
        var probe = await RowAsync(app, "test:long:cb");
        probe.Status.Should().Be(OutboxStatus.Sent);
        probe.Attempts.Should().BeGreaterThan(8, "it probes every ~0.3 s for 6 s and is never given up for failing");
        app.Api.Calls.Count(c => c.Status == 502).Should().BeLessThanOrEqualTo(26, "one call per pause of 0.24-0.3 s");
    }

    [Fact]
    public async Task A_row_telegram_keeps_failing_on_its_own_does_not_hold_back_the_others()
    {
        var app = await StartAsync(new() { ["Outbox:MaxOutagePause"] = "00:00:00.3" });
        app.Api.Behaviour = (_, body) => body["text"]?.ToString() == "poison" ? BadGateway : null;

        await QueueAsync(app, outbox =>
        {
            outbox.Message(69_001, "poison", "test:poison"); // first in line: it would be every probe
            for (var i = 2; i <= 6; i++)
            {
                outbox.Message(69_000 + i, $"fine {i}", $"test:fine:{i}");
            }
        });

        await app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 5, TimeSpan.FromSeconds(10), "the other five delivered");
        (await RowAsync(app, "test:poison")).Status.Should().Be(OutboxStatus.Pending, "it is kept until it expires, like any row during an outage");
    }

    [Fact]
    public async Task Refused_connections_are_an_outage_too_tried_one_probe_at_a_time_and_health_says_so()
    {
        // Nothing listens on the discard port: every call fails at once with a network error, not an HTTP answer.
        var app = await StartAsync(new() { ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9" });

        await QueueAsync(app, outbox =>
        {
            for (var i = 1; i <= 20; i++)
            {
                outbox.Message(70_000 + i, $"reply {i}", $"test:refused:{i}");
            }
        });
        await _send.WaitAsync(TimeSpan.FromSeconds(3.5));

        var tries = await app.QueryAsync(db => db.Outbox.SumAsync(m => m.Attempts));
        tries.Should().BeInRange(1, 19, "the sends under way when the outage began, then a probe at ~1 s and ~3 s — not 20 rows each on its own");
        (await app.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending))).Should().Be(20, "nothing is given up");
        using var http = app.CreateClient();
        var outbox = JsonNode.Parse(await http.GetStringAsync("/health/ready"))!["outbox"]!;
        outbox["sending"]!.GetValue<string>().Should().Be("paused");
        outbox["pending"]!.GetValue<int>().Should().Be(20);
    }

    [Fact]
    public async Task A_button_answer_older_than_its_lifetime_is_expired_and_never_sent()
    {
        // The answer's lifetime is on the application's clock: it runs with the sender's here.
        var app = await StartAsync(new() { ["Outbox:CallbackLifetime"] = "00:00:01", ["Outbox:MaxOutagePause"] = "00:00:00.3" }, _send.Provider);
        var outageEnds = Now.AddSeconds(2.5);
        Down(app, () => Now < outageEnds);

        await QueueAsync(app, outbox =>
        {
            outbox.AnswerCallback(65_001, "cbq-late", "✅", "test:cb");
            outbox.Message(65_002, "still useful", "test:cb-reply");
        });

        await app.Api.WaitForMessagesAsync(65_002, 1, TimeSpan.FromSeconds(10));
        await WaitUntilNothingPendingAsync(app);
        app.Api.Calls.Where(c => c.Method == "answerCallbackQuery").Should().NotContain(c => c.Ok, "Telegram no longer wants the answer");
        var row = await RowAsync(app, "test:cb");
        row.Status.Should().Be(OutboxStatus.Expired);
        row.Error.Should().Contain("Outbox:CallbackLifetime");
        (await RowAsync(app, "test:cb-reply")).Status.Should().Be(OutboxStatus.Sent);
    }

    [Fact]
    public async Task A_reply_not_delivered_within_a_day_is_expired_not_failed_and_never_sent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var app = await StartAsync(new() { ["Outbox:MaxOutagePause"] = "00:00:00.3" }, clock);
        var down = true;
        Down(app, () => Volatile.Read(ref down));

        await QueueAsync(app, outbox => outbox.Message(66_001, "yesterday's answer", "test:stale"));
        await app.Api.WaitForAsync(c => c.Any(x => x.Status == 502), because: "the first attempt fails");
        (await RowAsync(app, "test:stale")).ExpiresAt.Should().Be(clock.GetUtcNow().UtcDateTime.AddDays(1), "Outbox:ReplyLifetime is a day by default");

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var row = await WaitForStatusAsync(app, "test:stale", OutboxStatus.Expired, TimeSpan.FromSeconds(5));
        Volatile.Write(ref down, false);
        await _send.WaitAsync(TimeSpan.FromSeconds(2));

        row.Status.Should().Be(OutboxStatus.Expired);
        row.Error.Should().Contain("Outbox:ReplyLifetime");
        app.Api.Delivered().Should().BeEmpty();
    }

    [Fact]
    public async Task Health_ready_shows_the_backlog_its_age_and_the_paused_sending_and_health_still_answers_as_before()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var app = await StartAsync(new() { ["Outbox:MaxOutagePause"] = "00:00:00.3" }, clock);
        var down = true;
        Down(app, () => Volatile.Read(ref down));
        using var http = app.CreateClient();

        await QueueAsync(app, outbox =>
        {
            for (var i = 1; i <= 3; i++)
            {
                outbox.Message(67_000 + i, $"waiting {i}", $"test:health:{i}");
            }
        });
        await app.Api.WaitForAsync(c => c.Any(x => x.Status == 502), because: "the outage is noticed");
        clock.Advance(TimeSpan.FromSeconds(90));

        using var during = await http.GetAsync("/health/ready");
        during.StatusCode.Should().Be(HttpStatusCode.OK, "an outage of Telegram does not make the bot unready: it keeps every update");
        var outbox = JsonNode.Parse(await during.Content.ReadAsStringAsync())!["outbox"]!;
        outbox["pending"]!.GetValue<int>().Should().Be(3);
        outbox["oldestPendingAgeSeconds"]!.GetValue<long>().Should().Be(90);
        outbox["sending"]!.GetValue<string>().Should().Be("paused");
        outbox["outageError"]!.GetValue<string>().Should().Contain("502");

        Volatile.Write(ref down, false);
        await app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 3, TimeSpan.FromSeconds(10), "the backlog delivered");
        await WaitUntilNothingPendingAsync(app);
        var after = JsonNode.Parse(await http.GetStringAsync("/health/ready"))!["outbox"]!;
        after["pending"]!.GetValue<int>().Should().Be(0);
        after["oldestPendingAgeSeconds"]!.GetValue<long>().Should().Be(0);
        after["sending"]!.GetValue<string>().Should().Be("ok");

        (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetStringAsync("/health")).Should().Be("{\"status\":\"ok\",\"database\":\"ready\"}");
    }

    [Theory]
    [InlineData("Outbox:MaxOutagePause", "00:00:00", "Outbox:MaxOutagePause must be between")]
    [InlineData("Outbox:CallbackLifetime", "-00:00:05", "Outbox:CallbackLifetime must be between")]
    [InlineData("Outbox:ReplyLifetime", "soon", "Outbox:ReplyLifetime")]
    public async Task A_bad_outbox_setting_stops_the_start_with_a_sentence_naming_the_key(string key, string value, string expected)
    {
        // The host itself, as in HeartbeatTests: the factory sometimes reports its own ObjectDisposedException instead.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["ConnectionStrings:ChatCrm"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"chatcrm-outbox-options-{Guid.NewGuid():N}.db")}",
            ["Schedule:Heartbeat"] = "off",
            [key] = value,
        });
        builder.AddChatCrm();
        await using var app = builder.Build();

        Func<Task> start = () => app.StartAsync();

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain(expected);
    }
}

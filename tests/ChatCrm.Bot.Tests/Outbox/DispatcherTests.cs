using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace ChatCrm.Bot.Tests.Outbox;

/// <summary>Timing-sensitive: kept out of parallel runs so other tests' load does not blur the seconds.</summary>
[CollectionDefinition(nameof(Throttling), DisableParallelization = true)]
public sealed class Throttling;

/// <summary>
/// The sender against the fake Bot API. Tests about pacing against Telegram's real limits run on the real clock; those
/// about what a pause or a failure does run the send clock five times faster (<see cref="RunningClock"/>), with the fake
/// Bot API stamping its calls on the same clock, so a second of pause costs a fifth of one.
/// </summary>
[Collection(nameof(Throttling))]
public sealed class DispatcherTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;
    private RunningClock? _clock;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_clock is not null)
        {
            await _clock.DisposeAsync();
        }
    }

    /// <summary>The host on the real send clock, or (<paramref name="fast"/>) on a running one that the fake Bot API shares.</summary>
    private async Task<ChatCrmApp> StartAsync(bool fast, IDictionary<string, string?>? settings = null)
    {
        _clock = fast ? RunningClock.Start() : null;
        return _app = await ChatCrmApp.StartAsync(settings: settings, sendClock: _clock?.Provider ?? TimeProvider.System,
            arrange: api => api.Clock = _clock?.Provider ?? TimeProvider.System);
    }

    private Task QueueAsync(IEnumerable<(long Chat, string Text)> messages, int priority = OutboxMessage.PriorityScheduled) =>
        _app.ExecuteAsync(async services =>
        {
            var outbox = services.GetRequiredService<OutboxWriter>();
            foreach (var (chat, text) in messages)
            {
                outbox.Message(chat, text, $"test:{chat}:{text}", priority);
            }

            await services.GetRequiredService<Data.ChatCrmDbContext>().SaveChangesAsync();
        });

    [Fact]
    public async Task A_file_reaches_the_chat_whole_with_its_name_and_caption()
    {
        await StartAsync(fast: true);
        var content = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        await _app.ExecuteAsync(async services =>
        {
            services.GetRequiredService<OutboxWriter>().Document(50_001, content, "отчёт-ноябрь.xlsx", "📎 <b>Воронка</b>, ноябрь", "test:file");
            await services.GetRequiredService<Data.ChatCrmDbContext>().SaveChangesAsync();
        });

        await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "sendDocument" && x.Ok), because: "the file is sent");

        var file = _app.Api.DocumentsTo(50_001).Should().ContainSingle().Subject;
        file.FileName.Should().Be("отчёт-ноябрь.xlsx");
        file.Content.Should().Equal(content);
        file.CaptionHtml.Should().Be("📎 <b>Воронка</b>, ноябрь");
    }

    [Fact]
    public async Task A_burst_to_many_chats_stays_within_30_a_second_overall()
    {
        // Real clock: this is about the real limit, with everything between the dispatcher's slot and the wire.
        await StartAsync(fast: false);
        _app.Api.EnforceLimits = true;

        await QueueAsync(Enumerable.Range(1, 90).Select(i => (50_000L + i, $"plan {i}")));

        await _app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 90, TimeSpan.FromSeconds(20), "all 90 delivered");
        _app.Api.Violations.Should().BeEmpty();
        var sends = _app.Api.Delivered().Select(c => c.At).OrderBy(t => t).ToList();
        (sends[^1] - sends[0]).Should().BeGreaterThan(TimeSpan.FromSeconds(2.5), "90 messages at ≤ 30/s take at least three seconds");
        _app.Api.Delivered().Should().OnlyContain(c => !c.Paid, "paid broadcast is off unless the operator turns it on");
    }

    [Fact]
    public async Task Several_messages_to_one_chat_go_out_in_order_one_a_second()
    {
        await StartAsync(fast: true);
        _app.Api.EnforceLimits = true;

        await QueueAsync(Enumerable.Range(1, 4).Select(i => (60_001L, $"step {i}")));

        var delivered = await _app.Api.WaitForMessagesAsync(60_001, 4, TimeSpan.FromSeconds(10));
        delivered.Select(c => c.Text).Should().Equal("step 1", "step 2", "step 3", "step 4");
        delivered.Zip(delivered.Skip(1), (a, b) => b.At - a.At).Should().OnlyContain(gap => gap >= TimeSpan.FromSeconds(1));
        _app.Api.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_429_storm_pauses_all_sending_and_everything_is_delivered_once()
    {
        // Real clock: how many sends are under way when a 429 comes back depends on real round trips.
        await StartAsync(fast: false);
        var stormUntil = DateTime.UtcNow.AddSeconds(2.5);
        _app.Api.EnforceLimits = true;
        _app.Api.Behaviour = (method, _) => method == "sendMessage" && DateTime.UtcNow < stormUntil ? FakeAnswer.TooManyRequests(1) : null;

        await QueueAsync(Enumerable.Range(1, 40).Select(i => (70_000L + i, $"news {i}")));

        await _app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 40, TimeSpan.FromSeconds(20), "all 40 delivered");
        var refused = _app.Api.Calls.Where(c => c.Status == 429).ToList();
        refused.Count.Should().BeInRange(1, 6, "after each 429 everything waits retry_after instead of hammering");
        _app.Api.Delivered().GroupBy(c => c.ChatId).Should().OnlyContain(g => g.Count() == 1);
        _app.Api.Violations.Should().BeEmpty();
        (await _app.QueryAsync(db => db.Outbox.CountAsync(m => m.Status != OutboxStatus.Sent))).Should().Be(0);
    }

    [Fact]
    public async Task A_reply_overtakes_a_queue_of_scheduled_messages()
    {
        await StartAsync(fast: false);
        await QueueAsync(Enumerable.Range(1, 120).Select(i => (80_000L + i, $"bulk {i}")));
        await _app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage") >= 5, because: "bulk sending started");

        await QueueAsync([(90_001L, "reply")], OutboxMessage.PriorityReply);

        await _app.Api.WaitForMessagesAsync(90_001);
        _app.Api.Delivered().Count.Should().BeLessThan(60, "the reply went out long before the bulk finished");
    }

    [Fact]
    public async Task A_403_marks_the_user_as_unreachable_and_nothing_is_retried()
    {
        await StartAsync(fast: true);
        await Chat.JoinAsync(_app, 2002, "manager");
        _app.Api.Behaviour = (method, body) => method == "sendMessage" && body["chat_id"]!.ToString() == "2002" ? FakeAnswer.Forbidden : null;

        await QueueAsync([(2002L, "one"), (2002L, "two"), (2002L, "three")]);

        await _app.Api.WaitForAsync(c => c.Any(x => x.Status == 403), because: "the 403");
        await _clock!.WaitAsync(TimeSpan.FromSeconds(3));
        _app.Api.Calls.Count(c => c.Status == 403).Should().Be(1);
        var user = await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == 2002));
        user.BlockedBot.Should().BeTrue();
        user.Reachable.Should().BeFalse();
        (await _app.QueryAsync(db => db.Outbox.Where(m => m.ChatId == 2002 && m.Status == OutboxStatus.Failed).CountAsync())).Should().Be(3);
    }

    [Fact]
    public async Task A_400_is_recorded_as_failed_with_the_error_and_not_retried()
    {
        await StartAsync(fast: true);
        _app.Api.Behaviour = (method, body) => body["text"]?.ToString() == "broken" ? FakeAnswer.BadRequest : null;

        await QueueAsync([(61_001L, "broken"), (61_001L, "fine")]);

        await _app.Api.WaitForMessagesAsync(61_001);
        await _clock!.WaitAsync(TimeSpan.FromSeconds(2));
        _app.Api.Calls.Count(c => c.Status == 400).Should().Be(1);
        var failed = await _app.QueryAsync(db => db.Outbox.SingleAsync(m => m.DedupKey == "test:61001:broken"));
        failed.Status.Should().Be(OutboxStatus.Failed);
        failed.Error.Should().Contain("can't parse entities");
    }

    [Fact]
    public async Task A_5xx_is_retried_with_back_off_until_it_is_delivered()
    {
        await StartAsync(fast: true);
        var failures = 0;
        _app.Api.Behaviour = (method, _) => method == "sendMessage" && Interlocked.Increment(ref failures) <= 2 ? FakeAnswer.ServerError : null;

        await QueueAsync([(62_001L, "persistent")]);

        await _app.Api.WaitForMessagesAsync(62_001, 1, TimeSpan.FromSeconds(15));
        var calls = _app.Api.Calls.Where(c => c.Method == "sendMessage").OrderBy(c => c.At).ToList();
        calls.Select(c => c.Status).Should().Equal(500, 500, 200);
        (calls[2].At - calls[1].At).Should().BeGreaterThan(calls[1].At - calls[0].At, "the pause doubles after each failed try");
        var row = await _app.QueryAsync(db => db.Outbox.SingleAsync(m => m.ChatId == 62_001));
        row.Status.Should().Be(OutboxStatus.Sent);
        row.Attempts.Should().Be(3);
        row.TelegramMessageId.Should().BeGreaterThan(1000);
    }
}

/// <summary>Telegram:AllowPaidBroadcast: scheduled messages go paid and fast, replies and button answers never do.</summary>
[Collection(nameof(Throttling))]
public sealed class PaidBroadcastTests
{
    private static readonly Dictionary<string, string?> Paid = new() { ["Telegram:AllowPaidBroadcast"] = "true" };

    private static Task QueueAsync(ChatCrmApp app, Action<OutboxWriter> write) =>
        app.ExecuteAsync(async services =>
        {
            write(services.GetRequiredService<OutboxWriter>());
            await services.GetRequiredService<Data.ChatCrmDbContext>().SaveChangesAsync();
        });

    [Fact]
    public async Task With_paid_broadcast_on_only_scheduled_messages_carry_the_flag_never_replies_or_button_answers()
    {
        await using var clock = RunningClock.Start();
        await using var app = await ChatCrmApp.StartAsync(settings: Paid, sendClock: clock.Provider, arrange: api => api.Clock = clock.Provider);
        app.Api.EnforceLimits = true;

        await QueueAsync(app, outbox =>
        {
            outbox.Message(71_001, "morning plan", "test:paid:plan", OutboxMessage.PriorityScheduled);
            outbox.Message(71_002, "your answer", "test:paid:reply", OutboxMessage.PriorityReply);
            outbox.AnswerCallback(71_003, "cbq-paid", "✅", "test:paid:cb");
            outbox.Message(71_004, "reminder", "test:paid:remind", OutboxMessage.PriorityScheduled);
        });

        var calls = await app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 3 && c.Any(x => x.Method == "answerCallbackQuery" && x.Ok),
            because: "all four delivered");
        calls.Where(c => c.Method == "sendMessage" && c.Paid).Select(c => c.Text).Should().BeEquivalentTo("morning plan", "reminder");
        calls.Single(c => c.Text == "your answer").Paid.Should().BeFalse("a reply is never a paid broadcast");
        calls.Single(c => c.Method == "answerCallbackQuery").Paid.Should().BeFalse();
        app.Api.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_paid_round_goes_out_far_faster_than_30_a_second_without_a_429()
    {
        // Real clock: this is about the real limits (1,000 a second paid, one a second per chat).
        await using var app = await ChatCrmApp.StartAsync(settings: Paid, sendClock: TimeProvider.System);
        app.Api.EnforceLimits = true;

        await QueueAsync(app, outbox =>
        {
            for (var i = 1; i <= 300; i++)
            {
                outbox.Message(72_000 + i, $"plan {i}", $"test:paid:{i}", OutboxMessage.PriorityScheduled);
            }

            outbox.Message(72_001, "second to the first chat", "test:paid:again", OutboxMessage.PriorityScheduled);
        });

        var calls = await app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 301, TimeSpan.FromSeconds(30), "all 301 delivered");
        app.Api.Violations.Should().BeEmpty();
        calls.Should().NotContain(c => c.Status == 429);
        var plans = app.Api.Delivered().Where(c => c.Text!.StartsWith("plan ", StringComparison.Ordinal)).Select(c => c.At).Order().ToList();
        (plans[^1] - plans[0]).Should().BeLessThan(TimeSpan.FromSeconds(5), "300 at the free ~29 a second would take ten");
        app.Api.Delivered().Should().OnlyContain(c => c.Paid);
        var first = app.Api.DeliveredTo(72_001).Select(c => c.At).ToList();
        (first[1] - first[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "still one a second per chat");
    }
}

/// <summary>The fake Bot API holds the bot to both of Telegram's regimes, as the real one would.</summary>
[Collection(nameof(Throttling))]
public sealed class FakeBotApiLimitTests
{
    [Fact]
    public async Task The_fake_refuses_a_too_fast_free_burst_with_retry_after_and_accepts_the_same_burst_paid()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.EnforceLimits = true;
        var bot = new Telegram.Bot.TelegramBotClient(new Telegram.Bot.TelegramBotClientOptions(FakeBotApi.Token, api.BaseUrl) { RetryThreshold = 0, RetryCount = 0 });

        async Task<int?> SendAsync(long chat, bool paid)
        {
            try
            {
                await bot.SendMessage(chat, "hi", allowPaidBroadcast: paid);
                return null;
            }
            catch (Telegram.Bot.Exceptions.ApiRequestException e) when (e.ErrorCode == 429)
            {
                return e.Parameters?.RetryAfter;
            }
        }

        var free = await Task.WhenAll(Enumerable.Range(1, 45).Select(i => SendAsync(73_000 + i, paid: false)));
        free.Count(r => r is null).Should().BeLessThanOrEqualTo(FakeBotApi.FreePerSecond);
        free.Where(r => r is not null).Should().NotBeEmpty().And.OnlyContain(r => r >= 1, "a 429 says how long to wait");

        await Task.Delay(1100);
        var paid = await Task.WhenAll(Enumerable.Range(1, 45).Select(i => SendAsync(74_000 + i, paid: true)));
        paid.Should().OnlyContain(r => r == null, "45 in a second is well within the paid 1,000");

        await Task.Delay(1100);
        (await SendAsync(75_001, paid: true)).Should().BeNull();
        (await SendAsync(75_001, paid: true)).Should().NotBeNull("one a second per chat holds for a paid broadcast too");
    }
}

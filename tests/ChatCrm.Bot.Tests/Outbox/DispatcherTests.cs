using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Outbox;

/// <summary>Timing-sensitive: kept out of parallel runs so other tests' load does not blur the seconds.</summary>
[CollectionDefinition(nameof(Throttling), DisableParallelization = true)]
public sealed class Throttling;

[Collection(nameof(Throttling))]
public sealed class DispatcherTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

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
        _app.Api.EnforceLimits = true;

        await QueueAsync(Enumerable.Range(1, 90).Select(i => (50_000L + i, $"plan {i}")));

        await _app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 90, TimeSpan.FromSeconds(20), "all 90 delivered");
        _app.Api.Violations.Should().BeEmpty();
        var sends = _app.Api.Delivered().Select(c => c.At).OrderBy(t => t).ToList();
        (sends[^1] - sends[0]).Should().BeGreaterThan(TimeSpan.FromSeconds(2.5), "90 messages at ≤ 30/s take at least three seconds");
    }

    [Fact]
    public async Task Several_messages_to_one_chat_go_out_in_order_one_a_second()
    {
        _app.Api.EnforceLimits = true;

        await QueueAsync(Enumerable.Range(1, 4).Select(i => (60_001L, $"step {i}")));

        var delivered = await _app.Api.WaitForMessagesAsync(60_001, 4, TimeSpan.FromSeconds(10));
        delivered.Select(c => c.Text).Should().Equal("step 1", "step 2", "step 3", "step 4");
        _app.Api.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_429_storm_pauses_all_sending_and_everything_is_delivered_once()
    {
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
        await QueueAsync(Enumerable.Range(1, 120).Select(i => (80_000L + i, $"bulk {i}")));
        await _app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage") >= 5, because: "bulk sending started");

        await QueueAsync([(90_001L, "reply")], OutboxMessage.PriorityReply);

        await _app.Api.WaitForMessagesAsync(90_001);
        _app.Api.Delivered().Count.Should().BeLessThan(60, "the reply went out long before the bulk finished");
    }

    [Fact]
    public async Task A_403_marks_the_user_as_unreachable_and_nothing_is_retried()
    {
        await Chat.JoinAsync(_app, 2002, "manager");
        _app.Api.Behaviour = (method, body) => method == "sendMessage" && body["chat_id"]!.ToString() == "2002" ? FakeAnswer.Forbidden : null;

        await QueueAsync([(2002L, "one"), (2002L, "two"), (2002L, "three")]);

        await _app.Api.WaitForAsync(c => c.Any(x => x.Status == 403), because: "the 403");
        await Task.Delay(1500);
        _app.Api.Calls.Count(c => c.Status == 403).Should().Be(1);
        var user = await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == 2002));
        user.BlockedBot.Should().BeTrue();
        user.Reachable.Should().BeFalse();
        (await _app.QueryAsync(db => db.Outbox.Where(m => m.ChatId == 2002 && m.Status == OutboxStatus.Failed).CountAsync())).Should().Be(3);
    }

    [Fact]
    public async Task A_400_is_recorded_as_failed_with_the_error_and_not_retried()
    {
        _app.Api.Behaviour = (method, body) => body["text"]?.ToString() == "broken" ? FakeAnswer.BadRequest : null;

        await QueueAsync([(61_001L, "broken"), (61_001L, "fine")]);

        await _app.Api.WaitForMessagesAsync(61_001);
        await Task.Delay(500);
        _app.Api.Calls.Count(c => c.Status == 400).Should().Be(1);
        var failed = await _app.QueryAsync(db => db.Outbox.SingleAsync(m => m.DedupKey == "test:61001:broken"));
        failed.Status.Should().Be(OutboxStatus.Failed);
        failed.Error.Should().Contain("can't parse entities");
    }

    [Fact]
    public async Task A_5xx_is_retried_with_back_off_until_it_is_delivered()
    {
        var failures = 0;
        _app.Api.Behaviour = (method, _) => method == "sendMessage" && Interlocked.Increment(ref failures) <= 2 ? FakeAnswer.ServerError : null;

        await QueueAsync([(62_001L, "persistent")]);

        await _app.Api.WaitForMessagesAsync(62_001, 1, TimeSpan.FromSeconds(15));
        _app.Api.Calls.Count(c => c.Status == 500).Should().Be(2);
        var row = await _app.QueryAsync(db => db.Outbox.SingleAsync(m => m.ChatId == 62_001));
        row.Status.Should().Be(OutboxStatus.Sent);
        row.Attempts.Should().Be(3);
        row.TelegramMessageId.Should().BeGreaterThan(1000);
    }
}

using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// Two instances of the bot on one PostgreSQL database, as compose runs them behind one webhook: each has its own fake
/// Bot API here, so every message shows which instance sent it. Telegram's limits are per token, so exactly one instance
/// sends (the holder of the sender lease) whichever instance took the update in, and the other takes over when it goes.
/// </summary>
[Postgres, StartsFirst]
public sealed class PostgresSenderLeaseTests : IAsyncLifetime
{
    private const string NowSends = "now sends for the bot";
    private readonly PostgresDatabase _database = new();
    private readonly List<ChatCrmApp> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _database.DropAsync();
    }

    [PostgresFact]
    public async Task Updates_taken_in_by_either_instance_are_answered_once_each_by_the_one_that_sends()
    {
        var (first, firstLogs) = await StartAsync();
        await Eventually.HoldsAsync(() => Logged(firstLogs, NowSends), TimeSpan.FromSeconds(10), "the first instance to take the lease");
        var (second, secondLogs) = await StartAsync();

        // Forty people write /start; the load balancer hands the updates out in turn.
        var people = Enumerable.Range(0, 40).Select(i => 6000L + i).ToList();
        await Task.WhenAll(people.Select((id, i) => (i % 2 == 0 ? first : second).SendAsync(Updates.Text(id, "/start"))));

        await first.Api.WaitForAsync(calls => people.All(id => calls.Any(c => c.Method == "sendMessage" && c.Ok && c.ChatId == id)),
            TimeSpan.FromSeconds(30), "a reply to each of the forty, all sent by the lease holder");
        await Task.Delay(TimeSpan.FromSeconds(1)); // anything sent twice would show by now
        people.Should().AllSatisfy(id => first.Api.DeliveredTo(id).Should().ContainSingle($"{id} wrote once"));
        second.Api.Delivered().Should().BeEmpty("the instance without the lease sends nothing, though it took half the updates in");
        Logged(secondLogs, NowSends).Should().BeFalse();
        (await first.QueryAsync(db => db.Outbox.CountAsync(m => m.Status != OutboxStatus.Sent))).Should().Be(0);
    }

    [PostgresFact]
    public async Task When_the_sending_instance_stops_the_other_sends_within_seconds_and_loses_nothing()
    {
        var (first, firstLogs) = await StartAsync();
        await Eventually.HoldsAsync(() => Logged(firstLogs, NowSends), TimeSpan.FromSeconds(10), "the first instance to take the lease");
        var (second, secondLogs) = await StartAsync();

        await first.DisposeAsync();
        _apps.Remove(first);
        var stopped = DateTime.UtcNow;
        await Eventually.HoldsAsync(() => Logged(secondLogs, NowSends), TimeSpan.FromSeconds(5), "the standby to take over: a clean stop hands the lease over");
        var tookOver = DateTime.UtcNow - stopped;

        await second.SendAsync(Updates.Text(6100, "/start"));
        await second.Api.WaitForMessagesAsync(6100, timeout: TimeSpan.FromSeconds(10));
        tookOver.Should().BeLessThan(TimeSpan.FromSeconds(3), "the standby tries every 2 s and the stopped holder gave the lease up");
    }

    [PostgresFact]
    public async Task An_instance_whose_lease_was_taken_sends_nothing_even_before_it_notices_and_sends_again_once_it_is_back()
    {
        var (app, logs) = await StartAsync();
        await Eventually.HoldsAsync(() => Logged(logs, NowSends), TimeSpan.FromSeconds(10), "the instance to take the lease");

        // Another instance (as far as this one can tell: a paused process woke up late) holds the lease for a minute.
        await ExecuteAsync("""UPDATE "SenderLeases" SET "Holder" = 'elsewhere', "Epoch" = "Epoch" + 1, "ExpiresAt" = clock_timestamp() + interval '1 minute'""");
        await app.SendAsync(Updates.Text(6200, "/start"));

        await Task.Delay(TimeSpan.FromSeconds(3));
        app.Api.DeliveredTo(6200).Should().BeEmpty("the lease is not this instance's: its claim on the row fails, though its own clock still says it holds");
        (await app.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending))).Should().Be(1, "the reply waits, it is not lost");

        // The other holder is gone: the lease is free, and this instance takes it back and sends what waited.
        await ExecuteAsync("""UPDATE "SenderLeases" SET "ExpiresAt" = clock_timestamp() - interval '1 second'""");
        await app.Api.WaitForMessagesAsync(6200, timeout: TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1));
        app.Api.DeliveredTo(6200).Should().ContainSingle();
        logs.Lines.Count(l => l.Message.Contains(NowSends, StringComparison.Ordinal)).Should().Be(2, "a second term began");
    }

    [PostgresFact]
    public async Task A_morning_round_run_by_both_instances_at_once_gives_each_of_300_managers_one_plan_at_telegrams_pace()
    {
        // The worst case the de-duplication keys guard against: the same beat run on both instances (Quartz's cluster
        // makes that rare; a clock jump or a misconfigured node could still do it).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));
        var (first, firstLogs) = await StartAsync(clock);
        await Eventually.HoldsAsync(() => Logged(firstLogs, NowSends), TimeSpan.FromSeconds(10), "the first instance to take the lease");
        var (second, secondLogs) = await StartAsync(clock);
        var managers = Enumerable.Range(0, 300).Select(i => 800_000L + i).ToList();
        await first.WriteAsync(db =>
        {
            db.Users.AddRange(managers.Select(id => User.Create(id, $"Менеджер {id}", Role.Manager, "Europe/Moscow", ScheduleWorld.Joined)));
            return Task.FromResult(true);
        });
        first.Api.EnforceLimits = second.Api.EnforceLimits = true;

        var nine = ScheduleWorld.At("Europe/Moscow", 2026, 11, 30, 9, 0);
        clock.SetUtcNow(new DateTimeOffset(nine));
        await Task.WhenAll(new[] { first, second }.Select(app =>
            app.ExecuteAsync(sp => sp.GetRequiredService<SchedulerTick>().RunAsync(nine, CancellationToken.None))));

        await first.Api.WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Ok) >= managers.Count, TimeSpan.FromSeconds(60),
            "a plan for each of the 300, sent by the lease holder");
        await Task.Delay(TimeSpan.FromSeconds(1));
        first.Api.Delivered().GroupBy(c => c.ChatId).Should().HaveCount(managers.Count).And.OnlyContain(g => g.Count() == 1, "one plan each");
        first.Api.Delivered().Should().OnlyContain(c => c.Text!.Contains("План на 30 ноября", StringComparison.Ordinal));
        second.Api.Delivered().Should().BeEmpty();
        first.Api.Calls.Should().NotContain(c => c.Status == 429);
        first.Api.Violations.Should().BeEmpty("one sender keeps to Telegram's pace");
        firstLogs.Lines.Concat(secondLogs.Lines).Where(l => l.Level >= LogLevel.Error).Select(l => l.Message)
            .Should().BeEmpty("a plan the other instance wrote first is no error");
    }

    private async Task<(ChatCrmApp App, LogCapture Logs)> StartAsync(TimeProvider? clock = null)
    {
        var logs = new LogCapture();
        var app = await ChatCrmApp.StartAsync(database: _database, logs: logs, clock: clock, sendClock: TimeProvider.System);
        _apps.Add(app);
        return (app, logs);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static bool Logged(LogCapture logs, string text) => logs.Lines.Any(l => l.Message.Contains(text, StringComparison.Ordinal));
}

using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Tests.Outbox;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Jobs;

/// <summary>
/// Big morning rounds: composed in batches, sent in the order they fell due, nothing lost or doubled across a stop.
/// The sending runs on a send clock ten times faster than real time; the pace against Telegram's real limits is the
/// benchmark's (`-- --plans`) and DispatcherTests' business.
/// </summary>
[Collection(nameof(Throttling))]
public sealed class MorningBurstTests
{
    private static Task ManagersAsync(ScheduleWorld w, int count, long firstTelegramId = 700_000) =>
        w.ChangeAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.Users.Add(User.Create(firstTelegramId + i, $"Менеджер {i}", Role.Manager, "Europe/Moscow", Joined));
            }

            return Task.CompletedTask;
        });

    [Fact]
    public async Task A_thousand_morning_plans_reach_every_manager_once()
    {
        await using var send = RunningClock.Start(speed: 10);
        await using var w = await StartAsync(sendClock: send.Provider);
        w.App.Api.Clock = send.Provider;
        await ManagersAsync(w, 1000);

        (await w.TickAsync(At("Europe/Moscow", 2026, 11, 30, 9, 0))).Plans.Should().Be(1000);

        await w.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) >= 1000, TimeSpan.FromSeconds(60), "all 1000 plans delivered");
        w.App.Api.Calls.Should().NotContain(c => c.Status == 429);
        w.App.Api.Delivered().GroupBy(c => c.ChatId).Should().HaveCount(1000).And.OnlyContain(g => g.Count() == 1, "one plan each, nothing doubled");
        (await w.TickAsync(At("Europe/Moscow", 2026, 11, 30, 9, 1))).Plans.Should().Be(0, "the next tick finds every plan written");
    }

    [Fact]
    public async Task After_a_morning_the_bot_was_down_plans_go_out_earliest_owed_first_across_zones_and_quiet_hours()
    {
        // Real send clock: the order of arrival is what is checked, 36 ms apart.
        await using var w = await StartAsync(sendClock: TimeProvider.System);
        // Created in the reverse of the order they are owed, so the ids cannot pass for it.
        var londonQuiet = await w.UserAsync(8004, Role.Manager, "Europe/London", name: "Лондон, тихо до 9:15", quiet: "22:00-09:15");
        var london = await w.UserAsync(8003, Role.Manager, "Europe/London", name: "Лондон");
        var berlin = await w.UserAsync(8002, Role.Manager, "Europe/Berlin", name: "Берлин");
        var helsinki = await w.UserAsync(8001, Role.Manager, "Europe/Helsinki", name: "Хельсинки");

        // Monday 30 November, 09:30 UTC: Helsinki's morning began at 07:00 UTC, Berlin's at 08:00, London's at 09:00, and
        // the quiet Londoner's at 09:15. All four are still in their morning window.
        (await w.TickAsync(Utc(2026, 11, 30, 9, 30))).Plans.Should().Be(4);

        await w.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) == 4, because: "four plans");
        w.App.Api.Delivered().OrderBy(c => c.At).Select(c => c.ChatId)
            .Should().Equal(helsinki.ChatId, berlin.ChatId, london.ChatId, londonQuiet.ChatId);
    }

    [Fact]
    public async Task A_round_stopped_between_batches_is_finished_by_the_next_tick_with_nothing_lost_or_doubled()
    {
        await using var send = RunningClock.Start(speed: 10);
        using var stop = new StopAfterABatch();
        // Disposed by the restart below, which hands its database and fake Bot API on.
        var first = await StartAsync(sendClock: send.Provider, services: s => s.AddSingleton<ISaveChangesInterceptor>(stop));
        first.App.Api.Clock = send.Provider;
        var managers = MorningRound.PerBatch * 2 + 50;
        await ManagersAsync(first, managers);
        var nine = At("Europe/Moscow", 2026, 11, 30, 9, 0);

        stop.Armed = true;
        var stopped = () => first.TickAsync(nine, stop.Token);
        await stopped.Should().ThrowAsync<OperationCanceledException>("the process stops after the first batch is committed");
        var before = await first.DbAsync(db => db.Outbox.CountAsync(m => m.DedupKey!.StartsWith("plan:")));
        before.Should().BeInRange(MorningRound.PerBatch - 1, MorningRound.PerBatch, "one batch (the admin in it has no plan) was committed");

        await using var second = await first.RestartAsync();
        (await second.TickAsync(nine.AddMinutes(1))).Plans.Should().Be(managers - before);

        await second.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) >= managers, TimeSpan.FromSeconds(60), "every plan delivered");
        second.App.Api.Delivered().GroupBy(c => c.ChatId).Should().HaveCount(managers).And.OnlyContain(g => g.Count() == 1, "one plan each");
        (await second.DbAsync(db => db.Outbox.CountAsync(m => m.DedupKey!.StartsWith("plan:")))).Should().Be(managers);
    }

    /// <summary>Stands in for the process stopping: once armed, the first batch of plans committed cancels the tick.</summary>
    private sealed class StopAfterABatch : SaveChangesInterceptor, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public bool Armed { get; set; }

        public CancellationToken Token => _stop.Token;

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.DedupKey!.StartsWith("plan:", StringComparison.Ordinal)))
            {
                _stop.Cancel();
            }

            return ValueTask.FromResult(result);
        }

        public void Dispose() => _stop.Dispose();
    }
}

using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Outbox;

/// <summary>Scheduled messages carry the end of their window: a morning plan not delivered by the end of the morning is expired unsent.</summary>
[Collection(nameof(Throttling))]
public sealed class ScheduledExpiryTests
{
    private const string Moscow = "Europe/Moscow";

    [Fact]
    public async Task A_morning_plan_held_up_by_an_outage_past_the_morning_expires_unsent_and_a_later_reminder_still_arrives()
    {
        // The sender's pauses and its sweep for expired rows (every 10 s) on a clock five times faster than real time.
        await using var send = RunningClock.Start();
        await using var w = await StartAsync(new Dictionary<string, string?> { ["Outbox:MaxOutagePause"] = "00:00:00.3" }, sendClock: send.Provider);
        var manager = await w.UserAsync(3001, Role.Manager, Moscow, name: "Иван");
        var client = await w.ClientAsync("Ромашка", manager.Id);
        await w.PlanAsync(client, manager.Id, At(Moscow, 2026, 12, 1, 15, 0), "про скидку");
        var down = true;
        w.App.Api.Behaviour = (method, _) => method == "sendMessage" && Volatile.Read(ref down) ? new FakeAnswer(502, "Bad Gateway") : null;

        await w.TickAsync(At(Moscow, 2026, 12, 1, 9, 0));
        var plan = (await w.OutboxAsync(manager.ChatId)).Single(m => m.DedupKey!.StartsWith("plan:", StringComparison.Ordinal));
        plan.ExpiresAt.Should().Be(At(Moscow, 2026, 12, 1, 12, 0), "the morning plan is of use until noon");
        await w.App.Api.WaitForAsync(c => c.Any(x => x.Status == 502), because: "Telegram is down when the plan is written");

        w.Clock.SetUtcNow(At(Moscow, 2026, 12, 1, 12, 0));
        await WaitAsync(async () => (await w.OutboxAsync(manager.ChatId)).Single(m => m.Id == plan.Id).Status == OutboxStatus.Expired);
        Volatile.Write(ref down, false);
        await w.TickAsync(At(Moscow, 2026, 12, 1, 14, 45));

        var reminders = await w.App.Api.WaitForMessagesAsync(manager.ChatId, 1, TimeSpan.FromSeconds(10));
        reminders.Should().ContainSingle().Which.Text.Should().Contain("Ромашка");
        var rows = await w.OutboxAsync(manager.ChatId);
        var expired = rows.Single(m => m.Id == plan.Id);
        expired.Status.Should().Be(OutboxStatus.Expired);
        expired.Error.Should().Contain("window");
        rows.Single(m => m.DedupKey!.StartsWith("remind:", StringComparison.Ordinal)).ExpiresAt
            .Should().Be(At(Moscow, 2026, 12, 1, 15, 5), "a reminder is of use until a little after the contact's time");
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should hold within 5 s");
            await Task.Delay(50);
        }
    }
}

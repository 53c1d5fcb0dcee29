using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Faults.Infrastructure;
using Xunit.Abstractions;

namespace ChatCrm.Faults;

/// <summary>
/// Scenario 5: 40 different updates from one user at once — what Telegram delivers when it flushes its backlog after
/// downtime. Each got 200, and Telegram never redelivers an update that got 200, so all 40 must take effect.
/// </summary>
[Trait(FaultCategory.Trait, FaultCategory.Name)]
public sealed class BurstTests(ITestOutputHelper output)
{
    private const long User = 70_001;

    [Fact]
    public async Task Forty_updates_from_one_user_in_a_burst_all_take_effect()
    {
        const int burst = 40;
        await using var bot = await FaultBot.StartAsync(db => People.ManagersWithClientAsync(db, [User], "Ромашка"));

        var bodies = Enumerable.Range(0, burst).Select(i => Updates.Text(User, $"/call Ромашка burst{i:D2}")).ToList();
        var statuses = await Task.WhenAll(bodies.Select(b => bot.PostAsync(b)));

        // Updates past the per-user rate may wait their turn; each is applied within a bounded time.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        long applied;
        while ((applied = await Applied(bot)) < burst && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        await bot.OutboxDrainedAsync(TimeSpan.FromSeconds(120));
        var replies = bot.Api.DeliveredTo(User);
        var slowDown = replies.Count(r => r.Text?.Contains('⏳') == true);
        Figures.Report(output, "5. 40-update burst from one user", statuses.All(s => s == 200) && applied == burst,
            ("updates", burst), ("answered 200", statuses.Count(s => s == 200)), ("effects", applied), ("replies", replies.Count),
            ("«⏳» notes (the user told their messages wait)", slowDown));

        statuses.Should().AllSatisfy(s => s.Should().Be(200));
        applied.Should().Be(burst, "an update that got 200 is never dropped");
    }

    private static Task<long> Applied(FaultBot bot) =>
        bot.CountAsync("SELECT COUNT(DISTINCT Note) FROM Touches WHERE Note LIKE 'burst%'");
}

using System.Globalization;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Faults.Infrastructure;
using Xunit.Abstractions;

namespace ChatCrm.Faults;

/// <summary>
/// Scenario 2: a steady stream of updates, each sent Telegram's way (again until answered 200), while the bot is
/// killed with SIGKILL at random moments and restarted (3 kills short, 30 long). Every update has one countable effect —
/// a done call with its own note — so afterwards the SQLite file tells whether one was lost or applied twice. Replies
/// sent twice (sent, then the kill came before the row was marked) are counted and reported, not failed: the outbox
/// promises "at least once".
/// </summary>
[Trait(FaultCategory.Trait, FaultCategory.Name)]
public sealed class KillTests(ITestOutputHelper output)
{
    private const long FirstUser = 40_000;

    [Fact]
    public async Task Kill_9_under_a_stream_with_redelivery_loses_nothing_and_doubles_no_effect()
    {
        var kills = FaultMode.Pick(3, 30);
        var total = FaultMode.Pick(150, 3_000);
        var users = FaultMode.Pick(25, 30);
        // Well inside each user's own rate (30 at once, then 1 a second): this scenario is about kills, not bursts.
        var perSecond = FaultMode.Pick(12.0, 10.0);
        var random = new Random(FaultMode.Seed);
        var ids = Enumerable.Range(0, users).Select(i => FirstUser + i).ToList();
        await using var bot = await FaultBot.StartAsync(db => People.ManagersWithClientAsync(db, ids, "Ромашка"));

        var streamTime = TimeSpan.FromSeconds(total / perSecond);
        var redelivery = new Redelivery(bot, DateTime.UtcNow + streamTime + TimeSpan.FromSeconds(60 + kills * 20));
        var baseId = 500_000_000;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sends = new List<Task<bool>>();
        var stream = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds(i / perSecond);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                var json = Updates.Text(ids[i % users], $"/call Ромашка {Note(i)}", updateId: baseId + i);
                var id = baseId + i;
                lock (sends)
                {
                    sends.Add(Task.Run(() => redelivery.SendAsync(id, json)));
                }
            }
        });

        // The kills land at random moments of the stream, one in each of `kills` equal slices.
        var slice = streamTime / (kills + 1);
        var downtime = TimeSpan.Zero;
        for (var k = 0; k < kills; k++)
        {
            // A restart can outlast a slice on a busy machine; the bot then still gets a random moment to work first.
            var at = slice * (k + 0.5) + slice * random.NextDouble();
            var soonest = clock.Elapsed + TimeSpan.FromSeconds(0.2 + 2 * random.NextDouble());
            at = at > soonest ? at : soonest;
            if (at > clock.Elapsed)
            {
                await Task.Delay(at - clock.Elapsed);
            }

            var killed = clock.Elapsed;
            await bot.KillAsync();
            await bot.RestartAsync();
            downtime += clock.Elapsed - killed;
        }

        await stream;
        Task<bool>[] all;
        lock (sends)
        {
            all = [.. sends];
        }

        await Task.WhenAll(all);

        // Effects: one done call per update, told apart by its note.
        var notes = await bot.RowsAsync("SELECT Note, COUNT(*) AS Times FROM Touches WHERE Note LIKE 'kill%' GROUP BY Note");
        var applied = notes.ToDictionary(r => (string)r["Note"]!, r => Convert.ToInt32(r["Times"], CultureInfo.InvariantCulture));
        var acceptedIds = redelivery.Accepted.ToHashSet();
        var lost = acceptedIds.Where(id => !applied.ContainsKey(Note(id - baseId))).ToList();
        var doubled = applied.Where(a => a.Value > 1).Sum(a => a.Value - 1);

        // Replies: one per update, to its user; wait until the outbox has nothing left to send.
        var settled = await bot.OutboxDrainedAsync(TimeSpan.FromSeconds(FaultMode.Pick(120, 600)));
        var replies = bot.Api.Delivered().GroupBy(c => c.ChatId).ToDictionary(g => g.Key ?? 0, g => g.Count());
        var expected = Enumerable.Range(0, total).Where(i => acceptedIds.Contains(baseId + i)).GroupBy(i => ids[i % users]).ToDictionary(g => g.Key, g => g.Count());
        var doubleReplies = expected.Sum(e => Math.Max(0, replies.GetValueOrDefault(e.Key) - e.Value));
        // Where a lost update went: an apology (its handler failed) or the rate limit's note both consume it.
        var apologies = bot.Api.Delivered().Count(c => c.Text?.StartsWith("😔", StringComparison.Ordinal) == true);
        var slowDowns = bot.Api.Delivered().Count(c => c.Text?.StartsWith('⏳') == true);
        var missingReplies = expected.Sum(e => Math.Max(0, e.Value - replies.GetValueOrDefault(e.Key)));

        Figures.Report(output, "2. kill -9 under a stream with redelivery",
            lost.Count == 0 && doubled == 0 && redelivery.GaveUp.IsEmpty && missingReplies == 0,
            ("updates", total), ("kills", kills), ("process starts", bot.Starts), ("downtime", downtime),
            ("POSTs", redelivery.Attempts), ("redeliveries", redelivery.Redeliveries), ("statuses", redelivery.Statuses),
            ("never accepted", redelivery.GaveUp.Count), ("effects", applied.Count), ("lost", lost.Count), ("doubled effects", doubled),
            ("replies", replies.Values.Sum()), ("double replies", doubleReplies), ("missing replies", missingReplies),
            ("apologies", apologies), ("«⏳» notes (the user told their messages wait)", slowDowns), ("outbox drained", settled));
        foreach (var (message, times) in LogDigest.Problems(bot.Output).Take(12))
        {
            output.WriteLine($"  logged ×{times}: {message}");
        }

        redelivery.GaveUp.Should().BeEmpty("every update is finally answered 200 once the bot is back");
        lost.Should().BeEmpty("an update answered 200 has its effect committed");
        doubled.Should().Be(0, "a redelivered update finds its marker and does nothing");
        missingReplies.Should().Be(0, "a committed reply is sent, if need be after the restart");
    }

    private static string Note(int i) => "kill" + i.ToString("D6", CultureInfo.InvariantCulture);
}

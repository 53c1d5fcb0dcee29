using System.Collections.Concurrent;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Faults.Infrastructure;
using Xunit.Abstractions;

namespace ChatCrm.Faults;

/// <summary>
/// Scenario 1: a generated corpus of malformed and hostile webhook bodies (300 short, 3,000 long; one seed) against the
/// running bot. None may earn a 500 — Telegram would redeliver it for a day — and the bot must still be healthy and
/// answer a plain update afterwards.
/// </summary>
[Trait(FaultCategory.Trait, FaultCategory.Name)]
public sealed class MalformedBodyTests(ITestOutputHelper output)
{
    private const long Bystander = 2002;

    [Fact]
    public async Task No_hostile_body_earns_a_500_and_the_bot_stays_healthy()
    {
        var count = FaultMode.Pick(300, 3_000);
        var corpus = HostileBodies.Generate(count, FaultMode.Seed);
        await using var bot = await FaultBot.StartAsync(db =>
        {
            People.Manager(db, HostileBodies.Manager, "Иван");
            People.Manager(db, Bystander, "Пётр");
            return Task.CompletedTask;
        });

        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (body, ct) =>
        {
            var status = await bot.PostAsync(body.Bytes, body.ContentType, ct);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status is 0 or >= 500)
            {
                serverErrors.Enqueue($"{(status == 0 ? "no answer" : status)} ← {body}");
            }
        });

        var alive = bot.Running;
        var healthy = await bot.HealthyAsync();
        // Still serving people: a plain /help from someone the corpus never used gets its reply.
        var helpStatus = await bot.PostAsync(Updates.Text(Bystander, "/help"));
        var answered = helpStatus == 200 && await Eventually(() => bot.Api.DeliveredTo(Bystander).Count > 0, TimeSpan.FromSeconds(60));

        var fiveHundreds = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        var noAnswer = statuses.GetValueOrDefault(0);
        var kinds = serverErrors.Select(e => e.Split(':')[0]).GroupBy(k => k).Select(g => $"{g.Key} ×{g.Count()}");
        Figures.Report(output, "1. hostile webhook bodies", fiveHundreds == 0 && noAnswer == 0 && alive && healthy && answered,
            ("bodies", count), ("statuses", statuses), ("5xx", fiveHundreds), ("unanswered", noAnswer),
            ("alive and healthy after", alive && healthy), ("a plain update answered after", answered),
            ("5xx by kind", string.Join("; ", kinds)));
        foreach (var error in serverErrors.Take(30))
        {
            output.WriteLine("  " + error);
        }

        serverErrors.Should().BeEmpty("no body may earn a 500 or cut the connection (seed {0}); the bot printed:\n{1}", FaultMode.Seed, bot.Tail(40));
        alive.Should().BeTrue();
        healthy.Should().BeTrue("/health answers 200 after the corpus");
        answered.Should().BeTrue("the bot still answers a plain /help after the corpus");
    }

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}

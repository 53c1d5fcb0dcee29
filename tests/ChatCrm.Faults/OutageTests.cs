using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Faults.Infrastructure;
using Xunit.Abstractions;

namespace ChatCrm.Faults;

/// <summary>
/// Scenario 3: the Bot API is down for a while (20 s short, 10 minutes long) while people keep writing: for the first
/// half every call is answered 502, for the second the API is off the network (connections cut and refused). Every reply must arrive once it is back. The short run shortens the give-up window
/// (<c>Outbox:ReplyLifetime</c> 2 minutes, <c>Outbox:MaxOutagePause</c> 5 s) so it fits in CI; the long one uses the defaults.
/// The calls the bot made during the outage are counted: one probe at a time is the goal, not a storm.
/// </summary>
[Trait(FaultCategory.Trait, FaultCategory.Name)]
public sealed class OutageTests(ITestOutputHelper output)
{
    private const long FirstUser = 50_000;

    [Fact]
    public async Task Every_reply_is_delivered_after_a_bot_api_outage()
    {
        var outage = FaultMode.Pick(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(10));
        var users = 10;
        var ids = Enumerable.Range(0, users).Select(i => FirstUser + i).ToList();
        var settings = FaultMode.Long
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["Outbox__ReplyLifetime"] = "00:02:00", ["Outbox__MaxOutagePause"] = "00:00:05" };
        await using var bot = await FaultBot.StartAsync(db => People.ManagersWithClientAsync(db, ids, "Ромашка"), settings, proxied: true);
        var proxy = bot.Proxy!;

        var down = true;
        bot.Api.Behaviour = (_, _) => Volatile.Read(ref down) ? new FakeAnswer(502, "Bad Gateway") : null;
        var started = DateTime.UtcNow;
        // Two updates from each user: one as the outage begins, one in its middle.
        var statuses = new List<int>();
        foreach (var id in ids)
        {
            statuses.Add(await bot.PostAsync(Updates.Text(id, "/call Ромашка в начале сбоя")));
        }

        await Task.Delay(outage / 2);
        // From now on the API is not there at all: what is open is cut, what comes is refused.
        proxy.Refuse();
        var refusedFrom = DateTime.UtcNow;
        foreach (var id in ids)
        {
            statuses.Add(await bot.PostAsync(Updates.Text(id, "/call Ромашка в середине сбоя")));
        }

        var rest = started + outage - DateTime.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        Volatile.Write(ref down, false);
        proxy.Accept();
        var ended = DateTime.UtcNow;
        var duringOutage = bot.Api.Calls.Where(c => c.At >= started && c.At < refusedFrom && c.Status == 502).ToList();
        var expected = statuses.Count(s => s == 200);

        // Delivered: every reply, within a bounded time after the API is back (the pause is capped).
        var wait = FaultMode.Pick(TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(4));
        var deadline = DateTime.UtcNow + wait;
        while (DeliveredToUsers(bot, ids) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var delivered = DeliveredToUsers(bot, ids);
        var lastDelivery = bot.Api.Delivered().Where(c => ids.Contains(c.ChatId ?? 0)).Select(c => c.At).DefaultIfEmpty(ended).Max();
        var failedRows = await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status NOT IN (0, 1)");
        var perSecond = duringOutage.Count / (refusedFrom - started).TotalSeconds;
        Figures.Report(output, FaultMode.Long ? "3. Bot API outage (10 min, defaults)" : "3. Bot API outage (20 s, short give-up)",
            delivered >= expected && statuses.All(s => s == 200),
            ("outage", outage), ("updates", statuses.Count), ("accepted", expected), ("replies delivered after", delivered),
            ("given up (failed/expired rows)", failedRows), ("calls during the 502 half", duringOutage.Count), ("calls/s during it", perSecond),
            ("last reply after the end", lastDelivery - ended));

        statuses.Should().AllSatisfy(s => s.Should().Be(200), "updates are accepted whatever the Bot API does");
        delivered.Should().BeGreaterThanOrEqualTo(expected, "every reply is delivered once the Bot API is back (none given up after {0})", outage);
    }

    /// <summary>Replies delivered, at most two a user: a reply sent twice must not hide another that never came.</summary>
    private static int DeliveredToUsers(FaultBot bot, List<long> ids) =>
        ids.Sum(id => Math.Min(2, bot.Api.DeliveredTo(id).Count));
}

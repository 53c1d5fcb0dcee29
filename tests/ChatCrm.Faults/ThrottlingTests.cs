using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Faults.Infrastructure;
using Xunit.Abstractions;

namespace ChatCrm.Faults;

/// <summary>
/// Scenario 4: a 429 storm — every send answered 429 with a retry_after for a while — and a chat whose user blocked
/// the bot (403). During a retry_after nothing is sent; after the storm everything is delivered. The blocked user is
/// marked as such and nobody else notices.
/// </summary>
[Trait(FaultCategory.Trait, FaultCategory.Name)]
public sealed class ThrottlingTests(ITestOutputHelper output)
{
    private const long FirstUser = 60_000;
    private const long Blocker = 69_999;
    private static readonly string[] Sends = ["sendMessage", "editMessageText", "sendPhoto", "sendDocument", "answerCallbackQuery"];

    // A send already on its way when the 429 came back may land just after it; anything later broke the pause.
    private static readonly TimeSpan InFlight = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_429_storm_stops_all_sends_for_retry_after_and_everything_is_delivered_after_it()
    {
        var storm = FaultMode.Pick(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90));
        var retryAfter = FaultMode.Pick(3, 5);
        var users = FaultMode.Pick(10, 30);
        var perUser = FaultMode.Pick(2, 3);
        var ids = Enumerable.Range(0, users).Select(i => FirstUser + i).ToList();
        await using var bot = await FaultBot.StartAsync(db => People.ManagersWithClientAsync(db, ids, "Ромашка"));

        var stormy = true;
        bot.Api.Behaviour = (method, _) => Volatile.Read(ref stormy) && Sends.Contains(method) ? FakeAnswer.TooManyRequests(retryAfter) : null;
        var started = DateTime.UtcNow;
        var statuses = new List<int>();
        for (var round = 0; round < perUser; round++)
        {
            foreach (var id in ids)
            {
                statuses.Add(await bot.PostAsync(Updates.Text(id, $"/call Ромашка шторм {round}")));
            }
        }

        var rest = started + storm - DateTime.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        Volatile.Write(ref stormy, false);
        var ended = DateTime.UtcNow;
        var expected = statuses.Count(s => s == 200);
        await bot.WaitUntilAsync(() => Task.FromResult(Delivered(bot, ids, perUser) >= expected), TimeSpan.FromSeconds(FaultMode.Pick(90, 180)),
            $"{expected} replies delivered after the storm");

        // Every send that began inside another's retry_after (past the in-flight margin) broke the pause.
        var calls = bot.Api.Calls.Where(c => Sends.Contains(c.Method)).OrderBy(c => c.At).ToList();
        var throttled = calls.Where(c => c.Status == 429).ToList();
        var early = calls.Where(c => throttled.Any(t => c.At > t.At + InFlight && c.At < t.At + TimeSpan.FromSeconds(retryAfter))).ToList();
        var delivered = Delivered(bot, ids, perUser);
        var afterStorm = bot.Api.Delivered().Where(c => ids.Contains(c.ChatId ?? 0)).Max(c => c.At) - ended;
        Figures.Report(output, "4a. 429 storm", early.Count == 0 && delivered >= expected,
            ("storm", storm), ("retry_after", $"{retryAfter} s"), ("updates", statuses.Count), ("accepted", expected),
            ("429s answered", throttled.Count), ("sends inside a retry_after", early.Count), ("replies delivered", delivered),
            ("all delivered", afterStorm));

        early.Should().BeEmpty("nothing is sent while Telegram's retry_after runs");
        delivered.Should().BeGreaterThanOrEqualTo(expected);
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_marks_its_user_and_nobody_else_is_affected()
    {
        var users = 8;
        var ids = Enumerable.Range(0, users).Select(i => FirstUser + i).ToList();
        await using var bot = await FaultBot.StartAsync(db => People.ManagersWithClientAsync(db, [.. ids, Blocker], "Ромашка"));
        bot.Api.Behaviour = (method, body) => body["chat_id"]?.ToString() == Blocker.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? FakeAnswer.Forbidden
            : null;

        var statuses = new List<int>();
        for (var round = 0; round < 3; round++)
        {
            statuses.Add(await bot.PostAsync(Updates.Text(Blocker, $"/call Ромашка заблокировал {round}")));
            foreach (var id in ids)
            {
                statuses.Add(await bot.PostAsync(Updates.Text(id, $"/call Ромашка рядом {round}")));
            }
        }

        var expected = users * 3;
        await bot.WaitUntilAsync(() => Task.FromResult(Delivered(bot, ids, 3) >= expected), TimeSpan.FromSeconds(90), $"{expected} replies to the others");
        await bot.WaitUntilAsync(async () => await bot.CountAsync("SELECT BlockedBot FROM Users WHERE TelegramId = $t", ("$t", Blocker)) == 1,
            TimeSpan.FromSeconds(60), "the blocker is marked as having blocked the bot");
        var touches = await bot.CountAsync("SELECT COUNT(*) FROM Touches WHERE Note LIKE 'заблокировал%'");
        var forbidden = bot.Api.Calls.Count(c => c.Status == 403);
        Figures.Report(output, "4b. 403 chat", statuses.All(s => s == 200) && touches == 3,
            ("others' replies delivered", Delivered(bot, ids, 3)), ("of", expected), ("403s answered", forbidden),
            ("blocker marked", true), ("blocker's updates applied", touches));

        statuses.Should().AllSatisfy(s => s.Should().Be(200));
        touches.Should().Be(3, "a user who blocked the bot still has their updates applied");
        ids.Should().AllSatisfy(id => bot.Api.DeliveredTo(id).Should().HaveCount(3, "the others get exactly their replies"));
    }

    /// <summary>Replies delivered, at most <paramref name="perUser"/> a user: one sent twice must not hide another that never came.</summary>
    private static int Delivered(FaultBot bot, List<long> ids, int perUser) => ids.Sum(id => Math.Min(perUser, bot.Api.DeliveredTo(id).Count));
}

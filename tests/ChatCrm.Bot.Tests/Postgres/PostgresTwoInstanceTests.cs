using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Tests.Outbox;
using Xunit.Abstractions;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// Two real bot processes on one PostgreSQL database behind one webhook, as compose runs them, talking to one fake Bot
/// API that enforces Telegram's limits (30 messages a second per bot, one a second per chat). Whichever process takes an
/// update in, the one holding the sender lease sends; killed with <c>kill -9</c>, the other finishes its work.
/// </summary>
/// <remarks>Real seconds at Telegram's pace, so it runs with the other timing tests, not beside them.</remarks>
[Postgres]
[Collection(nameof(Throttling))]
public sealed class PostgresTwoInstanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string NowSends = "now sends for the bot";
    private readonly PostgresDatabase _database = new();
    private readonly List<BotProcess> _bots = [];
    private readonly Dictionary<BotProcess, int> _ports = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private FakeBotApi _api = null!;

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
        _api = await FakeBotApi.StartAsync();
        _api.EnforceLimits = true;
    }

    public async Task DisposeAsync()
    {
        foreach (var refused in _api.Calls.Where(c => c.Status == 429))
        {
            output.WriteLine($"429 at {refused.At:HH:mm:ss.fff}: {refused.Method} {refused.Body.ToJsonString()}");
        }

        foreach (var violation in _api.Violations)
        {
            output.WriteLine(violation);
        }

        if (_api.Calls.FirstOrDefault(c => c.Status == 429) is { } first)
        {
            var before = _api.Calls.Where(c => c.Method == "sendMessage" && c.At <= first.At && first.At - c.At < TimeSpan.FromSeconds(1.2)).Select(c => c.At).ToList();
            output.WriteLine("gaps (ms) before the first 429: " + string.Join(" ", before.Zip(before.Skip(1), (a, b) => ((b - a).TotalMilliseconds).ToString("0", CultureInfo.InvariantCulture))));
        }

        foreach (var bot in _bots)
        {
            output.WriteLine($"--- {bot.Process.Id} printed:\n{bot.Output}");
            await bot.DisposeAsync();
        }

        _http.Dispose();
        await _api.DisposeAsync();
        await _database.DropAsync();
    }

    // 150 replies take five seconds at one sender's pace; two senders would be at 56 a second, refused within the first.
    [PostgresFact]
    public async Task A_hundred_and_fifty_updates_split_across_both_instances_get_one_reply_each_without_a_single_429()
    {
        var (one, two) = await StartBothAsync();

        var people = Enumerable.Range(0, 150).Select(i => 9_100_000L + i).ToList();
        await PostAllAsync(people.Select((id, i) => (i % 2 == 0 ? one : two, id)));

        await _api.WaitForAsync(calls => Replied(calls).Count >= people.Count, TimeSpan.FromSeconds(60), "a reply to each of the 150");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a reply sent twice would show by now
        var replies = Replied(_api.Calls);
        replies.Keys.Should().BeEquivalentTo(people);
        replies.Should().OnlyContain(r => r.Value == 1, "each person wrote once and is answered once");
        _api.Calls.Should().NotContain(c => c.Status == 429);
        _api.Violations.Should().BeEmpty("one sender for the token keeps to Telegram's limits");
        new[] { one, two }.Count(b => b.Output.Contains(NowSends, StringComparison.Ordinal)).Should().Be(1, "one instance sends");
    }

    [PostgresFact]
    public async Task Killed_with_kill_9_in_a_150_message_blast_the_sender_leaves_the_rest_to_the_other_and_loses_nothing()
    {
        var (one, two) = await StartBothAsync();
        var holder = one.Output.Contains(NowSends, StringComparison.Ordinal) ? one : two;
        var other = holder == one ? two : one;

        var people = Enumerable.Range(0, 150).Select(i => 9_200_000L + i).ToList();
        await PostAllAsync(people.Select(id => (holder, id)));
        await _api.WaitForAsync(calls => Replied(calls).Count >= 50, TimeSpan.FromSeconds(30), "the blast under way");

        holder.Kill();
        await holder.Process.WaitForExitAsync();
        var killed = DateTime.UtcNow;
        var sentBefore = Replied(_api.Calls).Count;

        await other.WaitForOutputAsync(NowSends, TimeSpan.FromSeconds(15));
        var tookOver = DateTime.UtcNow - killed;
        await _api.WaitForAsync(calls => Replied(calls).Count >= people.Count, TimeSpan.FromSeconds(45), "the other instance finishing the blast");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var replies = Replied(_api.Calls);
        var twice = replies.Where(r => r.Value > 1).Select(r => r.Key).ToList();
        output.WriteLine($"{sentBefore} replies before the kill; the other took over after {tookOver.TotalSeconds:0.0} s; sent twice: {twice.Count}");
        replies.Keys.Should().BeEquivalentTo(people, "nothing is lost");
        twice.Should().HaveCountLessThanOrEqualTo(2, "only a row in flight at the kill may go twice");
        replies.Values.Should().OnlyContain(n => n <= 2);
        tookOver.Should().BeLessThan(TimeSpan.FromSeconds(15));
        _api.Calls.Should().NotContain(c => c.Status == 429);
    }

    /// <summary>Starts two instances (the first migrates nothing: the database is a migrated copy) and waits until one sends.</summary>
    private async Task<(BotProcess One, BotProcess Two)> StartBothAsync()
    {
        var one = Start("bot-1");
        var two = Start("bot-2");
        await one.WaitForOutputAsync("Connected to Telegram", TimeSpan.FromSeconds(60));
        await two.WaitForOutputAsync("Connected to Telegram", TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(() => one.Output.Contains(NowSends, StringComparison.Ordinal) || two.Output.Contains(NowSends, StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "either instance to take the sender lease");
        return (one, two);
    }

    private BotProcess Start(string name)
    {
        var port = BotProcess.FreePort();
        var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = _api.BaseUrl,
            ["Telegram__WebhookUrl"] = "https://crm.example.com/telegram/webhook",
            ["Telegram__SecretToken"] = ChatCrmApp.Secret,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__ChatCrm"] = _database.ConnectionString,
            ["Crm__AdminTelegramIds__0"] = ChatCrmApp.AdminId.ToString(CultureInfo.InvariantCulture),
            ["Instance__Name"] = name,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__ChatCrm"] = "Information",
        });
        _bots.Add(bot);
        _ports[bot] = port;
        return bot;
    }

    /// <summary>Delivers the updates as Telegram does, a few at a time, and insists on each one's 200.</summary>
    private async Task PostAllAsync(IEnumerable<(BotProcess To, long From)> updates)
    {
        await Parallel.ForEachAsync(updates, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_ports[u.To]}/telegram/webhook")
            {
                Content = new StringContent(Updates.Text(u.From, "/start"), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", ChatCrmApp.Secret);
            using var response = await _http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
        });
    }

    /// <summary>How many replies each person got.</summary>
    private static Dictionary<long, int> Replied(IReadOnlyList<ApiCall> calls) =>
        calls.Where(c => c.Method == "sendMessage" && c.Ok && c.ChatId is not null)
            .GroupBy(c => c.ChatId!.Value).ToDictionary(g => g.Key, g => g.Count());
}

using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Benchmarks;

/// <summary>
/// DESIGN §10's reply latency: updates are posted to the real webhook at a steady rate from 300 members,
/// and each reply is timed from the POST to its sendMessage arriving at the fake Bot API (the real
/// dispatcher and Telegram.Bot client in between). The first two seconds (JIT, first queries) are left out.
/// </summary>
internal static class ReplyLatency
{
    private const int Members = 300;

    public static async Task RunAsync(int rate, int seconds)
    {
        // The sender on the real clock: the test hosts' default paces twenty times faster than production.
        await using var app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" },
            sendClock: TimeProvider.System);
        var members = await app.QueryAsync(db => Webhook.AddMembersAsync(db, Members));
        using var http = Webhook.WithSecret(app.CreateClient());
        var posted = new List<(long Chat, DateTime At)>();
        var posts = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var chat = members[i % members.Count];
            posted.Add((chat, DateTime.UtcNow));
            posts.Add(Webhook.PostAsync(http, chat));
        }

        await Task.WhenAll(posts);
        await app.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) >= posted.Count, TimeSpan.FromMinutes(10), "every reply");

        var replies = app.Api.Delivered().GroupBy(c => c.ChatId!.Value).ToDictionary(g => g.Key, g => g.Select(c => c.At).Order().ToList());
        var warm = posted[0].At.AddSeconds(2);
        var latencies = posted.GroupBy(p => p.Chat)
            .SelectMany(g => g.OrderBy(p => p.At).Select((p, k) => (p.At, Ms: (replies[g.Key][k] - p.At).TotalMilliseconds)))
            .Where(x => x.At > warm).Select(x => x.Ms).Order().ToList();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reply latency at {rate} updates/s for {seconds} s (n={latencies.Count} after warm-up): p50 {P(0.5):F1} ms, p90 {P(0.9):F1} ms, p99 {P(0.99):F1} ms, max {latencies[^1]:F1} ms"));
    }
}

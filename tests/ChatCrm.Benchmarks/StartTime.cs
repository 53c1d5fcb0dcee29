using System.Diagnostics;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// `-- --start [runs=7]`: DESIGN §10's "start to ready on a migrated database < 2 s". The built bot (Release) is started
/// as its own process, as systemd or a container starts it, on a SQLite file its first start migrated (with the
/// throughput run's 10,000 members in it), in webhook mode against the fake Bot API; timed from <c>Process.Start</c> to
/// the first 200 from <c>/health/ready</c>, polled every 10 ms. The first start (the migration) is reported apart; of the
/// others, the median and the range. <c>BENCH_BOT_DLL=/path/ChatCrm.Bot.dll</c> starts a published bot instead, e.g. the
/// output of deploy/Dockerfile's publish line (ReadyToRun).
/// </summary>
internal static class StartTime
{
    public static async Task RunAsync(int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench-start-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "bot.db")}";
            await using (var db = new ChatCrmDbContext(new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite(connectionString).Options))
            {
                // Created empty here; the bot's first start migrates it.
                await db.Database.EnsureDeletedAsync();
            }

            await using var api = await FakeBotApi.StartAsync();
            var first = await StartOnceAsync(api, connectionString);
            await using (var db = new ChatCrmDbContext(new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite(connectionString).Options))
            {
                await Webhook.AddMembersAsync(db, 10_000);
            }

            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                times.Add(await StartOnceAsync(api, connectionString));
            }

            times.Sort();
            Console.WriteLine($"first start (migrates an empty file): {first:F0} ms");
            Console.WriteLine($"start to /health/ready on the migrated file, {runs} runs: median {times[times.Count / 2]:F0} ms " +
                $"(range {times[0]:F0}–{times[^1]:F0} ms; all: {string.Join(", ", times.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}) " +
                $"— target < 2,000 ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> StartOnceAsync(FakeBotApi api, string connectionString)
    {
        var port = BotProcess.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        await using var bot = await Webhook.StartBotAsync(api, connectionString, port, waitForWebhook: false);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed.TotalMilliseconds;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but the answer did not come in time (the first start is migrating): ask again.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60) || bot.Process.HasExited)
            {
                throw new TimeoutException("The bot did not become ready within 60 s. It printed:\n" + bot.Output);
            }

            await Task.Delay(10);
        }
    }
}

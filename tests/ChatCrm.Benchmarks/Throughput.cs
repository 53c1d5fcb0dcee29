using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// DESIGN §10's webhook throughput and memory. Concurrent clients post fresh updates (/cancel from members who
/// exist) over real HTTP on 127.0.0.1, first to the bare Kestrel + one INSERT endpoint, then to the real bot, each
/// a separate process on its own SQLite file; the bot talks to a fake Bot API that answers at once. A POST counts
/// when it got its 200, and at the end the committed rows must equal those 200s. The bot's peak RSS is its VmHWM.
/// </summary>
internal static class Throughput
{
    // Each member stays far below the pipeline's per-sender limit (30 at once, then 1 a second) even at 10,000/s.
    internal const int Members = 10_000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(int seconds, int concurrency, int warmUpSeconds, bool botOnly)
    {
        var plan = new Plan(concurrency, TimeSpan.FromSeconds(warmUpSeconds), TimeSpan.FromSeconds(seconds));
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-bench", "throughput-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"{concurrency} concurrent clients, {warmUpSeconds} s warm-up + {seconds} s measured, each server in its own process");
            var bare = botOnly ? null : await RunBareAsync(folder, plan);
            if (bare is not null)
            {
                Report("bare Kestrel + 1 INSERT", bare, "rows");
            }

            var floor = botOnly ? null : await RunSqlFloorAsync(folder, plan);
            if (floor is not null)
            {
                Report("the bot's SQL by hand  ", floor, "outbox rows");
            }

            var bot = await RunBotAsync(folder, plan);
            Report("bot webhook → outbox   ", bot, "outbox rows");
            if (bare is not null && floor is not null)
            {
                Console.WriteLine(Invariant($"bot / bare: {100 * bot.Load.PerSecond / bare.Load.PerSecond:F0} % (target ≥ 30 %); bot / its SQL by hand: {100 * bot.Load.PerSecond / floor.Load.PerSecond:F0} %; its SQL by hand / bare: {100 * floor.Load.PerSecond / bare.Load.PerSecond:F0} %; bot {bot.Load.PerSecond:N0}/s (target ≥ 3,000/s)"));
            }

            Console.WriteLine(Invariant($"memory: bot peak RSS {bot.PeakRssMb:F0} MB (target < 150 MB); bare server {bare?.PeakRssMb ?? 0:F0} MB; load generator {Environment.ProcessId.PeakRssMb():F0} MB"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<ServerRun> RunBareAsync(string folder, Plan plan)
    {
        var database = Path.Combine(folder, "bare.db");
        var port = BotProcess.FreePort();
        var dll = typeof(Throughput).Assembly.Location;
        // The bot runs with workstation GC (its project says so); the baseline gets the same.
        await using var server = BotProcess.StartDll(dll, new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" },
            BareEndpoint.Flag, $"http://127.0.0.1:{port}", database);
        var members = Enumerable.Range(0, Members).Select(i => 10_000L + i).ToList();
        var load = await LoadAsync(server, port, members, plan);

        await using var connection = new SqliteConnection(BareEndpoint.ConnectionString(database));
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Received";
        var rows = (long)(await count.ExecuteScalarAsync())!;
        return new ServerRun(load, rows, server.Process.Id.PeakRssMb());
    }

    /// <summary>The bot's own statements for each update, by hand on a database like the bot's (<see cref="BareEndpoint.ServeSqlFloorAsync"/>).</summary>
    private static async Task<ServerRun> RunSqlFloorAsync(string folder, Plan plan)
    {
        var database = Path.Combine(folder, "floor.db");
        var (options, members) = await PrepareAsync($"Data Source={database}");
        var port = BotProcess.FreePort();
        await using var server = BotProcess.StartDll(typeof(Throughput).Assembly.Location, new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" },
            BareEndpoint.SqlFloorFlag, $"http://127.0.0.1:{port}", database);
        var load = await LoadAsync(server, port, members, plan);
        await using var check = new ChatCrmDbContext(options);
        return new ServerRun(load, await check.Outbox.CountAsync(), server.Process.Id.PeakRssMb());
    }

    /// <summary>A migrated database with <see cref="Members"/> members, as the bot finds it.</summary>
    private static async Task<(DbContextOptions<ChatCrmDbContext> Options, IReadOnlyList<long> Members)> PrepareAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite(connectionString).Options;
        await using var db = new ChatCrmDbContext(options);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        await db.Database.MigrateAsync();
        return (options, await Webhook.AddMembersAsync(db, Members));
    }

    private static async Task<ServerRun> RunBotAsync(string folder, Plan plan)
    {
        var connectionString = $"Data Source={Path.Combine(folder, "bot.db")}";
        var (options, members) = await PrepareAsync(connectionString);

        await using var api = await FakeBotApi.StartAsync();
        var port = BotProcess.FreePort();
        await using var bot = await Webhook.StartBotAsync(api, connectionString, port);
        var load = await LoadAsync(bot, port, members, plan);

        await using var check = new ChatCrmDbContext(options);
        var rows = await check.Outbox.CountAsync();
        var peak = bot.Process.Id.PeakRssMb();
        if (bot.Output.Contains("fail", StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine("The bot logged failures:\n" + bot.Output);
        }

        return new ServerRun(load, rows, peak);
    }

    /// <summary>Closed loop: each client posts its next update the moment the previous one is answered.</summary>
    private static Task<LoadResult> LoadAsync(BotProcess server, int port, IReadOnlyList<long> members, Plan plan) =>
        LoadAsync([(server, port)], members, plan);

    /// <summary>The same spread over several servers (as a load balancer would): client i posts to server i mod n.</summary>
    internal static async Task<LoadResult> LoadAsync(IReadOnlyList<(BotProcess Server, int Port)> servers, IReadOnlyList<long> members, Plan plan)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = plan.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var https = servers.Select(s => Webhook.WithSecret(new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{s.Port}"), Timeout = TimeSpan.FromSeconds(60) })).ToList();
        for (var i = 0; i < servers.Count; i++)
        {
            await WaitUntilListeningAsync(servers[i].Server, https[i]);
        }

        var next = -1;
        var end = plan.WarmUp + plan.Measured;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, plan.Concurrency).Select(c => Task.Run(async () =>
        {
            var http = https[c % https.Count];
            var mine = new List<Sample>();
            while (clock.Elapsed < end)
            {
                var chat = members[(Interlocked.Increment(ref next) & int.MaxValue) % members.Count];
                var started = clock.Elapsed;
                string? error = null;
                try
                {
                    using var response = await Webhook.PostAsync(http, chat);
                    error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
                }
                catch (HttpRequestException e)
                {
                    error = e.Message;
                }

                mine.Add(new Sample(started, clock.Elapsed, error));
            }

            return mine;
        })).ToList();
        var samples = (await Task.WhenAll(clients)).SelectMany(s => s).ToList();
        https.ForEach(h => h.Dispose());

        foreach (var failure in samples.Where(s => s.Error is not null).GroupBy(s => s.Error))
        {
            Console.WriteLine($"  {failure.Count()} posts failed: {failure.Key}");
        }

        var answered = samples.Where(s => s.Error is null).ToList();
        var counted = answered.Where(s => s.Started >= plan.WarmUp).ToList();
        var elapsed = counted.Max(s => s.Finished) - plan.WarmUp;
        int Bucket(Sample s, TimeSpan width) => (int)(s.Finished.Ticks / width.Ticks);
        var seconds = counted.GroupBy(s => Bucket(s, TimeSpan.FromSeconds(1))).Where(g => g.Key >= Math.Ceiling(plan.WarmUp.TotalSeconds) && g.Key < (int)end.TotalSeconds);
        return new LoadResult(
            Ok: counted.Count,
            AllOk: answered.Count,
            Failed: samples.Count - answered.Count,
            Elapsed: elapsed,
            SlowestSecond: seconds.Select(g => g.Count()).DefaultIfEmpty(0).Min(),
            Windows: [.. answered.GroupBy(s => Bucket(s, Window)).Where(g => g.Key < (int)(end / Window)).OrderBy(g => g.Key).Select(g => g.Count() / Window.TotalSeconds)],
            LatenciesMs: [.. counted.Select(s => (s.Finished - s.Started).TotalMilliseconds).Order()]);
    }

    private static async Task WaitUntilListeningAsync(BotProcess server, HttpClient http)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("/health");
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (attempt < 300 && !server.Process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    internal static void Report(string name, ServerRun run, string rowsName)
    {
        var load = run.Load;
        var check = run.Rows == load.AllOk ? "=" : "≠ (MISMATCH)";
        Console.WriteLine(Invariant($"{name}: {load.PerSecond:N0}/s (slowest second {load.SlowestSecond:N0}), p50 {load.Percentile(0.5):F1} ms, p99 {load.Percentile(0.99):F1} ms; ") +
            Invariant($"{run.Rows:N0} {rowsName} {check} {load.AllOk:N0} answered posts, {load.Failed} failed; peak RSS {run.PeakRssMb:F0} MB"));
        Console.WriteLine("  per 5 s from the start: " + string.Join(" ", load.Windows.Select(r => r.ToString("F0", CultureInfo.InvariantCulture))));
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal sealed record Plan(int Concurrency, TimeSpan WarmUp, TimeSpan Measured);

    internal sealed record Sample(TimeSpan Started, TimeSpan Finished, string? Error);

    internal sealed record LoadResult(int Ok, int AllOk, int Failed, TimeSpan Elapsed, int SlowestSecond, double[] Windows, double[] LatenciesMs)
    {
        public double PerSecond => Ok / Elapsed.TotalSeconds;

        public double Percentile(double q) => LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)(q * LatenciesMs.Length))];
    }

    internal sealed record ServerRun(LoadResult Load, long Rows, double PeakRssMb);
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Tests.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static ChatCrm.Benchmarks.Throughput;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Issue 11's figures: webhook throughput on PostgreSQL with one bot instance and with two behind one load balancer
/// (clients alternate between them), against the bare floor (Kestrel + one INSERT) on the same server. Every server
/// is its own process on its own database. The fake Bot API enforces Telegram's limits, so the sender's rate (its
/// sends in the measured seconds, while the replies pile up far faster than it may send them) and its 429s show
/// whether two instances share one sender.
/// </summary>
internal static class PostgresThroughput
{
    public static async Task RunAsync(int seconds, int concurrency, int warmUpSeconds)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)))
        {
            Console.WriteLine($"Set {PostgresFactAttribute.Variable} to a PostgreSQL server (bash .ci/postgres.sh start <folder> prints one).");
            return;
        }

        var plan = new Plan(concurrency, TimeSpan.FromSeconds(warmUpSeconds), TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"PostgreSQL: {concurrency} concurrent clients, {warmUpSeconds} s warm-up + {seconds} s measured, each server in its own process");
        var bare = await RunBareAsync(plan);
        Report("bare Kestrel + 1 INSERT   ", bare, "rows");
        foreach (var instances in new[] { 1, 2 })
        {
            var (run, sent, drained, refused) = await RunBotsAsync(instances, plan);
            Report($"bot × {instances} webhook → outbox", run, "outbox rows");
            Console.WriteLine(Invariant($"  bot / bare {100 * run.Load.PerSecond / bare.Load.PerSecond:F0} %; sender {sent / plan.Measured.TotalSeconds:F1} messages/s under the load, ") +
                Invariant($"{drained / Drain.TotalSeconds:F1}/s on the backlog after it; {refused} × 429 in all"));
        }
    }

    private static async Task<ServerRun> RunBareAsync(Plan plan)
    {
        var database = new PostgresDatabase();
        await database.CreateAsync();
        try
        {
            var port = BotProcess.FreePort();
            await using var server = BotProcess.StartDll(typeof(PostgresThroughput).Assembly.Location,
                new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }, BareEndpoint.Flag, $"http://127.0.0.1:{port}", database.ConnectionString);
            var members = Enumerable.Range(0, Members).Select(i => 10_000L + i).ToList();
            var load = await LoadAsync([(server, port)], members, plan);
            return new ServerRun(load, await database.CountAsync("Received"), server.Process.Id.PeakRssMb());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await database.DropAsync();
        }
    }

    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    private static async Task<(ServerRun Run, int Sent, int Drained, int Refused)> RunBotsAsync(int instances, Plan plan)
    {
        var database = new PostgresDatabase();
        await database.CreateAsync();
        try
        {
            IReadOnlyList<long> members;
            await using (var db = new PostgresChatCrmDbContext(new DbContextOptionsBuilder<PostgresChatCrmDbContext>().UseNpgsql(database.ConnectionString).Options))
            {
                members = await Webhook.AddMembersAsync(db, Members);
            }

            await using var api = await FakeBotApi.StartAsync();
            api.EnforceLimits = true;
            var bots = new List<(BotProcess Server, int Port)>();
            try
            {
                for (var i = 1; i <= instances; i++)
                {
                    var port = BotProcess.FreePort();
                    bots.Add((await Webhook.StartBotAsync(api, database.ConnectionString, port, new Dictionary<string, string>
                    {
                        ["Database__Provider"] = "Postgres",
                        ["Instance__Name"] = $"bot-{i}",
                    }), port));
                }

                var started = DateTime.UtcNow;
                var load = await LoadAsync(bots, members, plan);
                var from = started + plan.WarmUp;
                var to = from + plan.Measured;
                // Then the backlog alone: what the sender does once the load generator no longer takes the cores.
                var drained = DateTime.UtcNow;
                await Task.Delay(Drain);
                var calls = api.Calls;
                var sent = calls.Count(c => c.Method == "sendMessage" && c.Ok && c.At >= from && c.At < to);
                var afterwards = calls.Count(c => c.Method == "sendMessage" && c.Ok && c.At >= drained && c.At < drained + Drain);
                var refused = calls.Count(c => c.Status == 429);
                var rows = await database.CountAsync("Outbox");
                var peak = bots.Max(b => b.Server.Process.Id.PeakRssMb());
                foreach (var (bot, _) in bots.Where(b => b.Server.Output.Contains("fail", StringComparison.OrdinalIgnoreCase)))
                {
                    Console.WriteLine("A bot logged failures:\n" + bot.Output);
                }

                return (new ServerRun(load, rows, peak), sent, afterwards, refused);
            }
            finally
            {
                foreach (var (bot, _) in bots)
                {
                    await bot.DisposeAsync();
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await database.DropAsync();
        }
    }
}

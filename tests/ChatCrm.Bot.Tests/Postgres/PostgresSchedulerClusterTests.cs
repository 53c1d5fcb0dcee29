using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// Two instances on one PostgreSQL database share Quartz's clustered store: each beat of the scheduler runs on exactly
/// one of them, and when one stops the other goes on beating. Seen as an operator sees it: each instance logs (at Debug)
/// which beat it ran.
/// </summary>
[Postgres, StartsFirst]
public sealed partial class PostgresSchedulerClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly List<ChatCrmApp> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _database.DropAsync();
    }

    [PostgresFact]
    public async Task Two_instances_on_one_database_run_each_beat_once()
    {
        var first = await StartAsync();
        var second = await StartAsync();

        await Eventually.HoldsAsync(() => Beats(first, second).Select(b => b.Scheduled).Distinct().Count() >= 10,
            TimeSpan.FromSeconds(40), "ten beats (one a second)");

        // From the first beat on, the second start included: it keeps the stored trigger rather than replacing it.
        var beats = Beats(first, second);
        beats.GroupBy(b => b.Scheduled).Where(g => g.Count() > 1).Select(g => g.Key)
            .Should().BeEmpty("a beat runs on one instance, never on both");
        var firstSecond = beats.Min(b => b.Scheduled);
        var lastSecond = beats.Max(b => b.Scheduled);
        beats.Should().HaveCountGreaterThanOrEqualTo((int)(lastSecond - firstSecond).TotalSeconds - 1,
            "the cluster beats every second (one beat late enough to misfire into the next at most)");
    }

    [PostgresFact]
    public async Task A_second_instance_with_the_same_schedule_leaves_the_running_beat_as_it_was()
    {
        var first = await StartAsync();
        await Eventually.HoldsAsync(() => Beats(first).Count >= 2, TimeSpan.FromSeconds(20), "the first instance beats");
        var before = await StoredTriggerAsync();

        var second = await StartAsync();
        var bothUp = DateTimeOffset.UtcNow;
        await Eventually.HoldsAsync(() => Beats(first, second).Count(b => b.Scheduled > bothUp) >= 3, TimeSpan.FromSeconds(20),
            "the cluster beats on with both up");

        var after = await StoredTriggerAsync();
        after.Cron.Should().Be(before.Cron);
        after.StartTime.Should().Be(before.StartTime, "the stored trigger was kept, not replaced by the second start");
        Beats(first, second).GroupBy(b => b.Scheduled).Where(g => g.Count() > 1).Should().BeEmpty();
    }

    [PostgresFact]
    public async Task When_the_beating_instance_stops_the_other_goes_on_beating_within_15_seconds()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        await Eventually.HoldsAsync(() => Beats(first, second).Count >= 3, TimeSpan.FromSeconds(40), "the cluster beats");

        // The one that ran the latest beat is the one beating now.
        var beating = Latest(first) > Latest(second) ? first : second;
        var other = beating == first ? second : first;
        var before = Beats(other).Count;
        await beating.DisposeAsync();
        _apps.Remove(beating.App);
        var stopped = DateTimeOffset.UtcNow;

        await Eventually.HoldsAsync(() => Beats(other).Count(b => b.Scheduled > stopped) >= 3, TimeSpan.FromSeconds(15),
            "the remaining instance takes the beat over");
        Beats(other).Count.Should().BeGreaterThan(before);
        Beats(other).Select(b => b.Instance).Distinct().Should().ContainSingle("one instance ran them, under its own node id");
    }

    [PostgresFact]
    public async Task A_restart_finds_the_stored_beat_takes_the_new_schedule_and_beats_on()
    {
        var first = await StartAsync("0 0 3 * * ?");
        await first.DisposeAsync();
        _apps.Remove(first.App);

        // The job and its nightly trigger are stored; the restart states them again with a new schedule.
        var restarted = await StartAsync();
        await Eventually.HoldsAsync(() => Beats(restarted).Count >= 2, TimeSpan.FromSeconds(20), "beats on the new every-second schedule");
    }

    [PostgresFact]
    public async Task Killed_with_kill_9_the_beating_instance_leaves_its_beat_to_the_other_within_15_seconds()
    {
        await using var api = await FakeBotApi.StartAsync();
        // Started one after the other: the first migrates the database.
        await using var first = BotProcess.Start(ProcessEnvironment(api));
        await first.WaitForOutputAsync("runs on scheduler instance", TimeSpan.FromSeconds(60));
        await using var second = BotProcess.Start(ProcessEnvironment(api));
        await second.WaitForOutputAsync("Connected to Telegram", TimeSpan.FromSeconds(60));
        await second.WaitForOutputAsync("Scheduler ChatCrm_$_", TimeSpan.FromSeconds(30));

        // Quartz takes the next beat (a row in qrtz_fired_triggers) before it is due; the instance holding it is killed,
        // so the beat can fire elsewhere only once the others have written that instance off.
        var (beating, other) = await HolderAsync(first, second);
        beating.Kill();
        await beating.Process.WaitForExitAsync();
        var killed = DateTimeOffset.UtcNow;
        var seen = other.Output.Length;

        var deadline = killed.AddSeconds(15);
        while (!BeatsIn(other.Output).Any(b => b.Scheduled > killed))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No beat on the other instance within 15 s of the kill. It printed:\n{other.Output}");
            }

            await Task.Delay(200);
        }

        var takenOver = BeatsIn(other.Output).Where(b => b.Scheduled > killed).Min(b => b.Scheduled);
        output.WriteLine($"The first beat after the kill was due {(takenOver - killed).TotalSeconds:0.0} s after it.");
        output.WriteLine($"What the other instance logged after the kill:\n{other.Output[seen..]}");
        (takenOver - killed).Should().BeLessThan(TimeSpan.FromSeconds(15));
    }

    private async Task<(BotProcess Holder, BotProcess Other)> HolderAsync(BotProcess first, BotProcess second)
    {
        var ids = new Dictionary<string, BotProcess>
        {
            [NodeId(first.Output)] = first,
            [NodeId(second.Output)] = second,
        };
        await using var connection = new NpgsqlConnection(_database.Settings["ConnectionStrings:ChatCrm"]);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var held = new NpgsqlCommand("SELECT instance_name FROM qrtz_fired_triggers WHERE state = 'ACQUIRED'", connection);
            if (await held.ExecuteScalarAsync() is string id && ids.TryGetValue(id, out var holder))
            {
                return (holder, holder == first ? second : first);
            }
        }

        throw new Xunit.Sdk.XunitException("Neither instance was seen holding the next beat.");
    }

    private Dictionary<string, string> ProcessEnvironment(FakeBotApi api) => new()
    {
        ["Telegram__BotToken"] = FakeBotApi.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl,
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__ChatCrm"] = _database.Settings["ConnectionStrings:ChatCrm"]!,
        ["Crm__AdminTelegramIds__0"] = ChatCrmApp.AdminId.ToString(CultureInfo.InvariantCulture),
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{BotProcess.FreePort()}",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__ChatCrm.Bot.Jobs.HeartbeatJob"] = "Debug",
        ["Schedule__Heartbeat"] = "0/1 * * * * ?",
    };

    private static List<Beat> BeatsIn(string output) =>
        [.. BeatLine().Matches(output).Select(m => new Beat(DateTimeOffset.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value))];

    /// <summary>The heartbeat's trigger as the cluster stores it: its cron, and when it was stored (Quartz's start time).</summary>
    private async Task<(string Cron, long StartTime)> StoredTriggerAsync()
    {
        await using var connection = new NpgsqlConnection(_database.Settings["ConnectionStrings:ChatCrm"]);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            "SELECT c.cron_expression, t.start_time FROM qrtz_triggers t JOIN qrtz_cron_triggers c USING (sched_name, trigger_name, trigger_group)",
            connection);
        await using var reader = await read.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue("the heartbeat's trigger is stored");
        var stored = (reader.GetString(0), reader.GetInt64(1));
        (await reader.ReadAsync()).Should().BeFalse("one heartbeat trigger");
        return stored;
    }

    /// <summary>The node id Quartz says it started under.</summary>
    private static string NodeId(string output) => StartedLine().Match(output).Groups[1].Value;


    private async Task<Host> StartAsync(string heartbeat = "0/1 * * * * ?")
    {
        var settings = _database.Settings;
        settings["Schedule:Heartbeat"] = heartbeat;
        settings["Logging:LogLevel:ChatCrm.Bot.Jobs.HeartbeatJob"] = "Debug";
        var logs = new LogCapture();
        var app = await ChatCrmApp.StartAsync(settings: settings, logs: logs);
        _apps.Add(app);
        return new Host(app, logs);
    }

    private static List<Beat> Beats(params Host[] hosts) =>
    [
        .. hosts.SelectMany(h => h.Logs.Lines)
            .Where(l => l.Category == "ChatCrm.Bot.Jobs.HeartbeatJob")
            .Select(l => BeatLine().Match(l.Message))
            .Where(m => m.Success)
            .Select(m => new Beat(DateTimeOffset.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value)),
    ];

    private static DateTimeOffset Latest(Host host) => Beats(host).Select(b => b.Scheduled).DefaultIfEmpty(DateTimeOffset.MinValue).Max();


    [GeneratedRegex(@"Beat (\S+) runs on scheduler instance (\S+)")]
    private static partial Regex BeatLine();

    [GeneratedRegex(@"Scheduler ChatCrm_\$_(\S+) started")]
    private static partial Regex StartedLine();

    private sealed record Host(ChatCrmApp App, LogCapture Logs)
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private sealed record Beat(DateTimeOffset Scheduled, string Instance);
}

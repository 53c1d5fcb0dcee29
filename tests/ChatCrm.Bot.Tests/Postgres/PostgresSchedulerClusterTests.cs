using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// Two instances on one PostgreSQL database share Quartz's clustered store: each beat of the scheduler runs on exactly
/// one of them, and when one stops the other goes on beating. Seen as an operator sees it: each instance logs (at Debug)
/// which beat it ran.
/// </summary>
[Postgres]
public sealed partial class PostgresSchedulerClusterTests : IAsyncLifetime
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

        await WaitAsync(() => Beats(first, second).Select(b => b.Scheduled).Distinct().Count() >= 10, TimeSpan.FromSeconds(40),
            "ten beats (one a second)");

        var beats = Beats(first, second);
        beats.GroupBy(b => b.Scheduled).Where(g => g.Count() > 1).Select(g => g.Key)
            .Should().BeEmpty("a beat runs on one instance, never on both");
        var firstSecond = beats.Min(b => b.Scheduled);
        var lastSecond = beats.Max(b => b.Scheduled);
        beats.Should().HaveCountGreaterThanOrEqualTo((int)(lastSecond - firstSecond).TotalSeconds - 1,
            "the cluster still beats every second (a beat lost to the second start's replacing the trigger at most)");
    }

    [PostgresFact]
    public async Task When_the_beating_instance_stops_the_other_goes_on_beating_within_15_seconds()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        await WaitAsync(() => Beats(first, second).Count >= 3, TimeSpan.FromSeconds(40), "the cluster beats");

        // The one that ran the latest beat is the one beating now.
        var beating = Latest(first) > Latest(second) ? first : second;
        var other = beating == first ? second : first;
        var before = Beats(other).Count;
        await beating.DisposeAsync();
        _apps.Remove(beating.App);
        var stopped = DateTimeOffset.UtcNow;

        await WaitAsync(() => Beats(other).Count(b => b.Scheduled > stopped) >= 3, TimeSpan.FromSeconds(15),
            "the remaining instance takes the beat over");
        Beats(other).Count.Should().BeGreaterThan(before);
        Beats(other).Select(b => b.Instance).Distinct().Should().ContainSingle("one instance ran them, under its own node id");
    }

    private async Task<Host> StartAsync()
    {
        var settings = _database.Settings;
        settings["Schedule:Heartbeat"] = "0/1 * * * * ?";
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

    private static async Task WaitAsync(Func<bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"^Beat (\S+) runs on scheduler instance (\S+)$")]
    private static partial Regex BeatLine();

    private sealed record Host(ChatCrmApp App, LogCapture Logs)
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private sealed record Beat(DateTimeOffset Scheduled, string Instance);
}

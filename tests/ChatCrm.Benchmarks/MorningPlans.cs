using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Touch = ChatCrm.Core.Domain.Crm.Touch;

namespace ChatCrm.Benchmarks;

/// <summary>
/// DESIGN §10's morning plans: 1,000 in ≤ 40 s and 10,000 in ≤ 6 min with zero 429, 10,000 in ≤ 30 s with paid
/// broadcast. <c>-- --plans [count] [--paid]</c> (1,000 unless told): the managers live in three zones (Helsinki,
/// Berlin, London, a third each), each with a client and a call planned for today; one scheduler tick at 09:30 UTC on a
/// Monday finds every morning owed (Helsinki's since 07:00 UTC, Berlin's since 08:00, London's since 09:00), composes
/// the plans in batches and queues them; the real dispatcher sends them through the Telegram.Bot client to the fake Bot
/// API, which answers 429 to anything faster than Telegram allows (30 a second free, 1,000 paid, one a second per
/// chat). Timed from the tick to the last delivery. "Out of order" counts deliveries that arrived before one owed
/// earlier (a later zone's plan ahead of an earlier zone's).
/// </summary>
internal static class MorningPlans
{
    private static readonly string[] Zones = ["Europe/Helsinki", "Europe/Berlin", "Europe/London"];

    public static async Task RunAsync(int managers, bool paid)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" };
        if (paid)
        {
            settings["Telegram:AllowPaidBroadcast"] = "true";
        }

        // The real clock for the sender: the test hosts' default paces twenty times faster, which would measure nothing
        // here, where the fake Bot API holds the sends to Telegram's limits in real seconds.
        await using var w = await ScheduleWorld.StartAsync(settings, sendClock: TimeProvider.System);
        var tick = ScheduleWorld.Utc(2026, 11, 30, 9, 30);
        var call = await w.DbAsync(db => db.WorkTypes.SingleAsync(t => t.Code == "call"));
        await w.ChangeAsync(async db =>
        {
            // Ids interleave the zones, so the order of sending cannot come from the order of creation.
            var users = Enumerable.Range(0, managers)
                .Select(i => User.Create(700_000 + i, $"Менеджер {i}", Role.Manager, Zones[i % Zones.Length], ScheduleWorld.Joined)).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            var clients = users.Select((u, i) => Client.Create($"Клиент {i}", u.Id, ScheduleWorld.Joined, u.Id)).ToList();
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
            db.Touches.AddRange(clients.Select(c => Touch.Plan(c, call, c.OwnerUserId!.Value, tick.AddHours(5), "обсудить договор", ScheduleWorld.Joined)));
        });
        w.App.Api.EnforceLimits = true;
        using var load = new LoadSampler();

        var clock = Stopwatch.StartNew();
        var queued = (await w.TickAsync(tick)).Plans;
        var queuedIn = clock.Elapsed;
        var patience = TimeSpan.FromSeconds(Math.Max(300, managers / 25.0 + 120));
        await w.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) >= managers, patience, "every plan");
        var deliveredIn = clock.Elapsed;

        var calls = w.App.Api.Calls;
        var delivered = w.App.Api.Delivered().OrderBy(c => c.At).ToList();
        var highest = 0;
        var outOfOrder = 0;
        // Manager i (Telegram id and private chat 700,000 + i) lives in Zones[i % 3].
        foreach (var zone in delivered.Select(c => (int)((c.ChatId!.Value - 700_000) % Zones.Length)))
        {
            outOfOrder += zone < highest ? 1 : 0;
            highest = Math.Max(highest, zone);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"morning plans ({(paid ? "paid broadcast" : "free, 30/s")}): {queued} queued by one tick in {queuedIn.TotalSeconds:F1} s, all delivered in {deliveredIn.TotalSeconds:F1} s "
            + $"({managers / deliveredIn.TotalSeconds:F1}/s); first delivered after {(delivered[0].At - (DateTime.UtcNow - clock.Elapsed)).TotalSeconds:F1} s; "
            + $"429 answers: {calls.Count(c => c.Status == 429)}, limit violations: {w.App.Api.Violations.Count}, "
            + $"chats with more than one plan: {delivered.GroupBy(c => c.ChatId).Count(g => g.Count() > 1)}, sent paid: {delivered.Count(c => c.Paid)}, "
            + $"out of order (zones): {outOfOrder}"));
        var busiest = 0;
        for (int first = 0, last = 0; last < delivered.Count; last++)
        {
            while (delivered[last].At - delivered[first].At >= TimeSpan.FromSeconds(1))
            {
                first++;
            }

            busiest = Math.Max(busiest, last - first + 1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the busiest second: {busiest} delivered"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS of this process (bot and fake API together): {Environment.ProcessId.PeakRssMb():F0} MB; {load}"));
    }

    /// <summary>The machine's load average (1 min) at the start and the end, and the highest seen every 5 s in between.</summary>
    private sealed class LoadSampler : IDisposable
    {
        private readonly double _start = Now();
        private readonly Timer _timer;
        private double _max;

        public LoadSampler()
        {
            _max = _start;
            _timer = new Timer(_ => _max = Math.Max(_max, Now()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        }

        private static double Now() =>
            double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"load average (1 min): {_start:F1} at the start, {Now():F1} at the end, {_max:F1} at most");

        public void Dispose() => _timer.Dispose();
    }
}

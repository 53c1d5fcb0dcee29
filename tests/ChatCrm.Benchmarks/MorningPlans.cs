using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Touch = ChatCrm.Core.Domain.Crm.Touch;

namespace ChatCrm.Benchmarks;

/// <summary>
/// DESIGN §10's "morning plans for 1,000 managers delivered in ≤ 40 s with zero 429 from a limit-enforcing fake":
/// 1,000 managers in one zone, each with a client and a contact planned for today, reach 09:00 together; one
/// scheduler tick queues the plans and the real dispatcher sends them through the Telegram.Bot client to the fake
/// Bot API, which answers 429 to anything faster than Telegram allows. Timed from the tick to the last delivery.
/// </summary>
internal static class MorningPlans
{
    private const int Managers = 1000;

    public static async Task RunAsync()
    {
        await using var w = await ScheduleWorld.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
        var nine = ScheduleWorld.At("Europe/Moscow", 2026, 11, 30, 9, 0);
        var call = await w.DbAsync(db => db.WorkTypes.SingleAsync(t => t.Code == "call"));
        await w.ChangeAsync(async db =>
        {
            var users = Enumerable.Range(0, Managers)
                .Select(i => User.Create(700_000 + i, $"Менеджер {i}", Role.Manager, "Europe/Moscow", ScheduleWorld.Joined)).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            var clients = users.Select((u, i) => Client.Create($"Клиент {i}", u.Id, ScheduleWorld.Joined, u.Id)).ToList();
            db.Clients.AddRange(clients);
            await db.SaveChangesAsync();
            db.Touches.AddRange(clients.Select(c => Touch.Plan(c, call, c.OwnerUserId!.Value, nine.AddHours(5), "обсудить договор", ScheduleWorld.Joined)));
        });
        w.App.Api.EnforceLimits = true;

        var clock = Stopwatch.StartNew();
        var queued = (await w.TickAsync(nine)).Plans;
        var queuedIn = clock.Elapsed;
        await w.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Ok) >= Managers, TimeSpan.FromMinutes(5), "every plan");
        var deliveredIn = clock.Elapsed;

        var calls = w.App.Api.Calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"morning plans: {queued} queued by one tick in {queuedIn.TotalSeconds:F1} s, all delivered in {deliveredIn.TotalSeconds:F1} s "
            + $"({Managers / deliveredIn.TotalSeconds:F1}/s); 429 answers: {calls.Count(c => c.Status == 429)}, limit violations: {w.App.Api.Violations.Count}, "
            + $"chats with more than one plan: {w.App.Api.Delivered().GroupBy(c => c.ChatId).Count(g => g.Count() > 1)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS of this process (bot and fake API together): {Environment.ProcessId.PeakRssMb():F0} MB"));
    }
}

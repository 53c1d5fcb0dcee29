using System.Globalization;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Me;

/// <summary>/me counts the month from its first local instant, also when a clock change falls on the 1st.</summary>
public sealed class MyMonthClockChangeTests
{
    private const long Ivan = 2001;

    [Theory]
    // Havana, 1 April 2012: 00:00 → 01:00, so April starts at 01:00 local (05:00 UTC). The month bound used to be
    // taken at a midnight that does not exist: the conversion threw and /me answered with an apology.
    [InlineData("America/Havana", "2012-04-15 16:00", "апрель 2012", "2012-04-01 05:30", "2012-04-01 04:59")]
    // Havana, 1 November 2026: 01:00 → 00:00, so the month starts at the first of two midnights (04:00 UTC); the
    // second one (05:00 UTC) used to lose the touches of the first hour.
    [InlineData("America/Havana", "2026-11-15 16:00", "ноябрь 2026", "2026-11-01 04:30", "2026-11-01 03:59")]
    public async Task Me_counts_the_month_from_its_first_local_instant(string zone, string now, string month, string firstHour, string lastMinuteBefore)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Utc(now)));
        await using var app = await ChatCrmApp.StartAsync(clock: clock);
        await Chat.JoinAsync(app, Ivan, "manager", "Иван");
        await app.QueryAsync(async db =>
        {
            var ivan = await db.Users.SingleAsync(u => u.TelegramId == Ivan);
            ivan.SetTimeZone(zone);
            var client = Client.Create("Ромашка", ivan.Id, Utc(now).AddMonths(-2), ivan.Id);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            var call = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            db.Touches.Add(Touch.LogDone(client, call, ivan.Id, Utc(firstHour), null, Utc(now)));
            db.Touches.Add(Touch.LogDone(client, call, ivan.Id, Utc(lastMinuteBefore), null, Utc(now)));
            return await db.SaveChangesAsync();
        });

        var before = app.Api.DeliveredTo(Ivan).Count;
        await app.SendAsync(Updates.Text(Ivan, "/me"));
        var reply = (await app.Api.WaitForMessagesAsync(Ivan, before + 1))[^1].Text;

        reply.Should().StartWith($"📊 <b>Иван</b>, {month}\n• Звонок: 1\n", "the touch of the month's first hour counts, the one a minute before does not");
    }

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}

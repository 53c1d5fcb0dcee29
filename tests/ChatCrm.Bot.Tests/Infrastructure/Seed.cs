using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// Rows a test needs but does not test (people, segments, clients, deals, old touches), written straight to the
/// database with the Core entities, the way the feature that owns them would have written them.
/// </summary>
public static class Seed
{
    /// <summary>
    /// <paramref name="ago"/> before <paramref name="now"/>, but not before the day began in <paramref name="zone"/>
    /// (the seeded users' zone): a test on the real clock that counts "today" must not fail in the minutes after
    /// midnight there, when "five minutes ago" was yesterday. At 21:01 UTC that is 00:01 in Moscow.
    /// </summary>
    public static DateTime EarlierToday(DateTime now, TimeSpan ago, string zone = "Europe/Moscow")
    {
        // The bot's own "today" (LocalCalendar), which is what the figures under test count by.
        var tz = TimeZones.Find(zone)!;
        var dayBegan = LocalCalendar.StartOfDay(LocalCalendar.Today(now, tz), tz);
        var at = now - ago;
        return at < dayBegan ? dayBegan : at;
    }

    /// <summary>A user already in the team, without the invite round trip (see <see cref="Chat.JoinAsync"/> for that).</summary>
    public static Task<User> UserAsync(ChatCrmApp app, long telegramId, Role role, DateTime joined, string zone = "Europe/Moscow",
        string? name = null, string? quiet = null, Language language = Language.Ru) =>
        app.WriteAsync(db =>
        {
            var user = User.Create(telegramId, name ?? $"User{telegramId}", role, zone, joined);
            user.ChooseLanguage(language);
            if (quiet is not null)
            {
                user.SetQuietHours(QuietHours.TryParse(quiet));
            }

            db.Users.Add(user);
            return Task.FromResult(user);
        });

    public static Task<long> SegmentAsync(ChatCrmApp app, string name) =>
        app.WriteAsync(async db =>
        {
            var segment = Segment.Create(name);
            db.Segments.Add(segment);
            await db.SaveChangesAsync();
            return segment.Id;
        });

    /// <summary>A client of <paramref name="ownerId"/> (none: the pool), made 30 days ago unless said.</summary>
    public static Task<long> ClientAsync(ChatCrmApp app, string name, long? ownerId, DateTime? createdAt = null, string? phone = null) =>
        app.WriteAsync(async db =>
        {
            var client = Client.Create(name, ownerId ?? 1, createdAt ?? DateTime.UtcNow.AddDays(-30), ownerId);
            if (phone is not null)
            {
                client.AddPhone(phone);
            }

            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });

    /// <summary>An open deal, with its "opened" history row as /deal writes it, in the default cycle's <paramref name="stagePosition"/>-th stage.</summary>
    public static Task<long> DealAsync(ChatCrmApp app, long clientId, long ownerId, decimal amount, DateTime openedAt, int stagePosition = 1, string? title = null) =>
        OpenAsync(app, clientId, ownerId, amount, openedAt, title, s => s.Position == stagePosition);

    /// <summary>The same in the default cycle's stage called <paramref name="stage"/>, opened five days ago unless said.</summary>
    public static Task<long> DealAsync(ChatCrmApp app, long clientId, long ownerId, string stage, decimal amount, DateTime? openedAt = null) =>
        OpenAsync(app, clientId, ownerId, amount, openedAt ?? DateTime.UtcNow.AddDays(-5), null, s => s.Name == stage);

    public static Task TouchAsync(ChatCrmApp app, long clientId, long userId, DateTime at, string? note = "", string workType = "call") =>
        app.WriteAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            var type = await db.WorkTypes.SingleAsync(w => w.Code == workType);
            db.Touches.Add(Touch.LogDone(client, type, userId, at, note, at));
            return 0;
        });

    /// <summary>A planned call, planned at <paramref name="nowUtc"/>; the client's next contact follows, as planning sets it.</summary>
    public static Task<long> PlannedAsync(ChatCrmApp app, long clientId, long userId, DateTime forUtc, DateTime nowUtc, string? note = "") =>
        app.WriteAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            var type = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            var planned = Touch.Plan(client, type, userId, forUtc, note, nowUtc);
            db.Touches.Add(planned);
            await db.SaveChangesAsync();
            client.SetNextContact(await db.Touches.Where(a => a.ClientId == clientId && a.Status == TouchStatus.Planned).MinAsync(a => a.PlannedFor));
            return planned.Id;
        });

    private static Task<long> OpenAsync(ChatCrmApp app, long clientId, long ownerId, decimal amount, DateTime openedAt, string? title,
        System.Linq.Expressions.Expression<Func<Stage, bool>> which) =>
        app.WriteAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == clientId);
            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var stage = await db.Stages.Where(s => s.CycleId == cycle.Id && !s.IsRetired).SingleAsync(which);
            var (deal, opened) = Deal.Open(client, cycle, stage, amount, "RUB", title, ownerId, openedAt, ownerId);
            db.Deals.Add(deal);
            db.StageChanges.Add(opened);
            await db.SaveChangesAsync();
            return deal.Id;
        });
}

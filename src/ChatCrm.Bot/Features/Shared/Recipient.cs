using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>A person the scheduler may write to, with their zone, local time and language at this tick.</summary>
public sealed record Recipient(User User, TimeZoneInfo Zone, DateTime Local, Texts T)
{
    public long Id => User.Id;
    public long ChatId => User.ChatId;
    public DateOnly Today => DateOnly.FromDateTime(Local);

    /// <summary>
    /// Scheduled messages start the day after someone joins: a manager invited at 10:00 has no plan for
    /// today yet, and a head who joins at 17:55 gets the first digest tomorrow.
    /// </summary>
    public bool JoinedBeforeToday => DateOnly.FromDateTime(TimeZones.ToLocal(User.CreatedAt, Zone)) < Today;

    public DateTime ToLocal(DateTime utc) => TimeZones.ToLocal(utc, Zone);

    public static Recipient For(User user, DateTime nowUtc, Language fallback)
    {
        var zone = Due.ZoneOf(user);
        return new Recipient(user, zone, TimeZones.ToLocal(nowUtc, zone), Texts.For(user.LanguageOr(fallback)));
    }
}

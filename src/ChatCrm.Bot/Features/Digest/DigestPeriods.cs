using ChatCrm.Bot.Features.Digest;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Digest;

/// <summary>
/// The periods digests cover, in the reader's zone: the daily one is that local day up to now (planned contacts
/// counted for the whole day); the weekly one the seven full days before that date, compared with the seven before.
/// </summary>
public static class DigestPeriods
{
    public static DigestPeriod For(DigestKind kind, DateOnly localDate, TimeZoneInfo zone, DateTime nowUtc)
    {
        var (dayStart, dayEnd) = LocalCalendar.Day(localDate, zone);
        if (kind == DigestKind.Daily)
        {
            return new DigestPeriod(kind, dayStart, nowUtc < dayEnd ? nowUtc : dayEnd, dayEnd, nowUtc, localDate);
        }

        var weekStart = LocalCalendar.Day(localDate.AddDays(-7), zone).FromUtc;
        return new DigestPeriod(kind, weekStart, dayStart, dayStart, nowUtc, localDate);
    }
}

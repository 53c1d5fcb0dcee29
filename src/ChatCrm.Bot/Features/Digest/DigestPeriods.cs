using ChatCrm.Bot.Features.Digest;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Digest;

/// <summary>
/// The periods digests cover, in the reader's zone: the daily one is that local day up to now (planned contacts
/// counted for the whole day); the weekly one the seven full days before that date, compared with the seven before;
/// the monthly one the calendar month up to now, compared with the same number of days from the previous month's first
/// (at most that whole month).
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

        if (kind == DigestKind.Monthly)
        {
            var monthStart = LocalCalendar.StartOfDay(LocalCalendar.MonthStart(localDate), zone);
            var to = nowUtc < dayEnd ? nowUtc : dayEnd;
            var previousStart = LocalCalendar.StartOfDay(LocalCalendar.MonthStart(localDate).AddMonths(-1), zone);
            var previousEnd = previousStart + (to - monthStart);
            return new DigestPeriod(kind, monthStart, to, dayEnd, nowUtc, localDate, previousStart, previousEnd < monthStart ? previousEnd : monthStart);
        }

        var weekStart = LocalCalendar.Day(localDate.AddDays(-7), zone).FromUtc;
        return new DigestPeriod(kind, weekStart, dayStart, dayStart, nowUtc, localDate);
    }
}

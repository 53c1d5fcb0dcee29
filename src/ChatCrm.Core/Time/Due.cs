using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;

namespace ChatCrm.Core.Time;

/// <summary>
/// When scheduled work is due for one person, in their own zone. Work is due from its local time until
/// the end of its window, on the right days, outside quiet hours: the heartbeat asks every minute, so
/// whatever was missed while the bot was down (or deferred by quiet hours) goes out on the first tick
/// inside the window, and never after it — a morning plan at 11:00 still helps, at 20:00 it does not.
/// </summary>
public static class Due
{
    /// <summary>The morning plan is useful until noon (or three hours, for a late plan time).</summary>
    public static readonly TimeOnly MorningEnds = new(12, 0);

    /// <summary>Nudges, escalations and payment reminders are sent during the working day only.</summary>
    public static readonly TimeOnly WorkdayEnds = new(20, 0);

    public static readonly TimeSpan DailyDigestWindow = TimeSpan.FromHours(4);
    public static readonly TimeSpan WeeklyDigestWindow = TimeSpan.FromHours(6);
    private static readonly TimeSpan MinimumWindow = TimeSpan.FromHours(3);

    public static bool IsWorkingDay(DateTime local) => local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>From <paramref name="at"/> until <paramref name="endsBy"/> (at least three hours), not past midnight.</summary>
    public static bool InWindow(DateTime local, TimeOnly at, TimeOnly endsBy, QuietHours? quiet)
    {
        var span = endsBy.ToTimeSpan() - at.ToTimeSpan();
        return InWindow(local, at, span < MinimumWindow ? MinimumWindow : span, quiet);
    }

    public static bool InWindow(DateTime local, TimeOnly at, TimeSpan length, QuietHours? quiet)
    {
        var now = local.TimeOfDay;
        var start = at.ToTimeSpan();
        return now >= start && now < start + length && !IsQuiet(local, quiet);
    }

    /// <summary>
    /// When the window <see cref="InWindow(DateTime, TimeOnly, TimeOnly, QuietHours?)"/> opens at <paramref name="at"/> on
    /// <paramref name="localDate"/> closes, in UTC: what was written inside it is worth delivering until then, not after.
    /// </summary>
    public static DateTime WindowEndsUtc(DateOnly localDate, TimeOnly at, TimeOnly endsBy, TimeZoneInfo zone)
    {
        var span = endsBy.ToTimeSpan() - at.ToTimeSpan();
        return WindowEndsUtc(localDate, at, span < MinimumWindow ? MinimumWindow : span, zone);
    }

    /// <summary>The end of a window of <paramref name="length"/> from <paramref name="at"/>, in UTC; never past the local midnight.</summary>
    public static DateTime WindowEndsUtc(DateOnly localDate, TimeOnly at, TimeSpan length, TimeZoneInfo zone)
    {
        var end = at.ToTimeSpan() + length;
        return end >= TimeSpan.FromDays(1)
            ? LocalCalendar.Day(localDate, zone).ToUtc
            : TimeZones.FirstInstantAtOrAfter(localDate.ToDateTime(TimeOnly.MinValue) + end, zone);
    }

    /// <summary>
    /// When someone's window opening at <paramref name="at"/> on <paramref name="localDate"/> opened for them, in UTC: at
    /// <paramref name="at"/> in their zone, or at the end of their quiet hours when those cover it. The order in which a
    /// round owed to many people goes out: the earliest owed first.
    /// </summary>
    public static DateTime OpenedUtc(DateOnly localDate, TimeOnly at, QuietHours? quiet, TimeZoneInfo zone)
    {
        var opens = quiet is not null && quiet.Contains(at) && quiet.To > at ? quiet.To : at;
        return TimeZones.FirstInstantAtOrAfter(localDate.ToDateTime(opens), zone);
    }

    public static bool IsQuiet(DateTime local, QuietHours? quiet) => quiet?.Contains(TimeOnly.FromDateTime(local)) ?? false;

    public static TimeZoneInfo ZoneOf(User user) => TimeZones.Find(user.TimeZoneId) ?? TimeZoneInfo.Utc;

    public static string Key(DateOnly date) => date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}

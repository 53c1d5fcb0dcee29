using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Team;

/// <summary>Where a local calendar day, week or month starts in UTC, for counting what happened "today" in SQL.</summary>
internal static class LocalDays
{
    /// <summary>Where a clock change skips midnight, the day starts at the first moment that exists.</summary>
    public static DateTime StartUtc(DateTime localDate, TimeZoneInfo zone) => TimeZones.FirstInstantAtOrAfter(localDate.Date, zone);

    public static DateTime WeekStart(DateTime localDate) =>
        localDate.Date.AddDays(-(((int)localDate.DayOfWeek + 6) % 7));

    public static DateTime MonthStart(DateTime localDate) => new(localDate.Year, localDate.Month, 1);
}

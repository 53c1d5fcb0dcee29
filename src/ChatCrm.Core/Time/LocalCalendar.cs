namespace ChatCrm.Core.Time;

/// <summary>
/// A person's calendar in their own zone: where a local day, week (Monday to Monday) or month starts and ends as
/// UTC instants, for counting what happened "today" in SQL, and the instant a wall-clock time on a local day fires.
/// Safe on clock changes: a day whose midnight is skipped starts when the clock resumes (Santiago's 01:00), a
/// midnight that happens twice starts the day at its first occurrence, and a fire time inside a gap moves on by
/// the gap (see <see cref="TimeZones.ToUtc"/>).
/// </summary>
public static class LocalCalendar
{
    /// <summary>The local date it is at <paramref name="nowUtc"/>.</summary>
    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));

    /// <summary>The first instant of a local day.</summary>
    public static DateTime StartOfDay(DateOnly localDate, TimeZoneInfo zone) =>
        TimeZones.FirstInstantAtOrAfter(localDate.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>A local calendar day (23 or 25 hours long on change days; 23½ or 24½ on Lord Howe).</summary>
    public static (DateTime FromUtc, DateTime ToUtc) Day(DateOnly localDate, TimeZoneInfo zone) =>
        (StartOfDay(localDate, zone), StartOfDay(localDate.AddDays(1), zone));

    /// <summary>The local week that holds <paramref name="localDate"/>, Monday to Monday.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) Week(DateOnly localDate, TimeZoneInfo zone)
    {
        var monday = WeekStart(localDate);
        return (StartOfDay(monday, zone), StartOfDay(monday.AddDays(7), zone));
    }

    /// <summary>The local month that holds <paramref name="localDate"/>, from its 1st to the next month's.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) Month(DateOnly localDate, TimeZoneInfo zone)
    {
        var first = MonthStart(localDate);
        return (StartOfDay(first, zone), StartOfDay(first.AddMonths(1), zone));
    }

    /// <summary>The Monday of the week that holds <paramref name="localDate"/>.</summary>
    public static DateOnly WeekStart(DateOnly localDate) => localDate.AddDays(-(((int)localDate.DayOfWeek + 6) % 7));

    public static DateOnly MonthStart(DateOnly localDate) => new(localDate.Year, localDate.Month, 1);

    /// <summary>
    /// When something set for <paramref name="time"/> on a local day fires: inside a spring-forward gap it moves on by
    /// the gap (02:30 → 03:30, as a wall clock shows it); a time that happens twice fires at its first occurrence.
    /// </summary>
    public static DateTime At(DateOnly localDate, TimeOnly time, TimeZoneInfo zone) => TimeZones.ToUtc(localDate.ToDateTime(time), zone);
}

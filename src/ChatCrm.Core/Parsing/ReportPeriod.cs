using System.Globalization;
using ChatCrm.Core.Time;

namespace ChatCrm.Core.Parsing;

/// <summary>What kind of span a report covers; it decides how the period is named back to the user.</summary>
public enum PeriodKind
{
    /// <summary>One day: «сегодня», «вчера», «15.11».</summary>
    Day,

    /// <summary>A calendar week, Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar quarter: January–March, April–June, July–September, October–December.</summary>
    Quarter,

    /// <summary>A calendar year.</summary>
    Year,

    /// <summary>From 1 January up to and including "today".</summary>
    YearToDate,

    /// <summary>Any span of days the user typed: «01.10–31.12».</summary>
    Range,
}

/// <summary>
/// The days a report covers, on the user's local calendar. Both ends are inclusive: <see cref="First"/> is the
/// first day reported and <see cref="Last"/> the last one. SQL wants a half-open range, so
/// <see cref="EndExclusive"/> (the day after <see cref="Last"/>) and <see cref="ToUtc"/> give it without the
/// caller adding a day by hand. A calendar period (this month, this quarter) covers all of it, future days
/// included: figures for days that have not come simply are not there yet, and a forecast needs them.
/// </summary>
public sealed record ReportPeriod
{
    private ReportPeriod(PeriodKind kind, DateOnly first, DateOnly last)
    {
        (Kind, First, Last) = (kind, first, last);
    }

    public PeriodKind Kind { get; }

    /// <summary>The first day reported (inclusive).</summary>
    public DateOnly First { get; }

    /// <summary>The last day reported (inclusive).</summary>
    public DateOnly Last { get; }

    /// <summary>The day after <see cref="Last"/>: the exclusive end for half-open SQL ranges.</summary>
    public DateOnly EndExclusive => Last.AddDays(1);

    /// <summary>How many days the period covers (at least one).</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    public static ReportPeriod Day(DateOnly day) => new(PeriodKind.Day, day, day);

    /// <summary>The Monday-to-Sunday week containing <paramref name="day"/>.</summary>
    public static ReportPeriod WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(PeriodKind.Week, monday, monday.AddDays(6));
    }

    public static ReportPeriod MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    public static ReportPeriod QuarterOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    public static ReportPeriod YearOf(DateOnly day) =>
        new(PeriodKind.Year, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));

    /// <summary>1 January of <paramref name="today"/>'s year up to and including <paramref name="today"/>.</summary>
    public static ReportPeriod YearToDate(DateOnly today) => new(PeriodKind.YearToDate, new DateOnly(today.Year, 1, 1), today);

    /// <summary>A span of days, both ends inclusive. Null when <paramref name="last"/> is before <paramref name="first"/>.</summary>
    public static ReportPeriod? Range(DateOnly first, DateOnly last) =>
        last < first ? null : new(PeriodKind.Range, first, last);

    /// <summary>The quarter's number, 1–4 (meaningful for any period: the quarter <see cref="First"/> is in).</summary>
    public int Quarter => ((First.Month - 1) / 3) + 1;

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>The first day of every calendar month the period touches, in order: the columns of a month-by-month report.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = new DateOnly(First.Year, First.Month, 1); month <= Last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>
    /// The period as a half-open range of instants for SQL (<c>at &gt;= FromUtc AND at &lt; ToUtc</c>): local
    /// midnight of <see cref="First"/> and of <see cref="EndExclusive"/> in <paramref name="zone"/>, as UTC.
    /// </summary>
    public (DateTime FromUtc, DateTime ToUtc) ToUtc(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (TimeZones.ToUtc(First.ToDateTime(TimeOnly.MinValue), zone),
            TimeZones.ToUtc(EndExclusive.ToDateTime(TimeOnly.MinValue), zone));
    }

    /// <summary>For logs and tests: «Month 2026-11-01..2026-11-30». <see cref="PeriodFormatter"/> names it for people.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} {First:yyyy-MM-dd}..{Last:yyyy-MM-dd}");
}

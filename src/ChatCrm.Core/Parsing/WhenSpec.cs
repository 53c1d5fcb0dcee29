namespace ChatCrm.Core.Parsing;

/// <summary>How a weekday name was qualified: plain «пт», «эту пятницу» or «следующую пятницу».</summary>
internal enum WeekdayMode
{
    Nearest,
    This,
    Next,
    Last,
}

/// <summary>Which part of the day an hour belongs to: «9 утра», «7 вечера», "3 pm".</summary>
internal enum DayHalf
{
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// <summary>A day as the user named it, before it is pinned to the calendar around "now".</summary>
internal abstract record DaySpec;

internal sealed record DaysFromToday(int Days) : DaySpec;

internal sealed record MonthsFromToday(int Months) : DaySpec;

internal sealed record WeekdaySpec(DayOfWeek Day, WeekdayMode Mode) : DaySpec;

/// <param name="Weekday">Set when the user also named the weekday («пт 25.12»); a mismatch is a mistake.</param>
internal sealed record CalendarDate(int Day, int Month, int? Year, DayOfWeek? Weekday = null) : DaySpec
{
    /// <summary>Where «a/b» was written: set only for a slash date, whose order the user's language decides.</summary>
    public (int Start, int End)? Written { get; init; }

    /// <summary>For a slash date: whether «a/b» is a date read as day/month, and as month/day.</summary>
    public bool DayFirstValid { get; init; } = true;

    public bool MonthFirstValid { get; init; }
}

/// <summary>
/// What a phrase said: a day, a time of day, both, or an exact span from now («через 2 часа»).
/// <paramref name="End"/> is the index in the source text just past the phrase.
/// </summary>
internal sealed record WhenSpec(DaySpec? Day, TimeOnly? Time, TimeSpan? FromNow, int End);

using ChatCrm.Core.Time;

namespace ChatCrm.Core.Parsing;

/// <summary>
/// The instants a when-phrase or a quick button means for a logged touch and a planned contact, in the user's zone:
/// a day without a time of day gets one, and a back-dated touch is never later than now.
/// </summary>
public static class TouchTimes
{
    /// <summary>A contact planned for a day without a time («далее пт», the "tomorrow" button) is set for this hour.</summary>
    public static readonly TimeOnly DefaultTime = new(10, 0);

    /// <summary>When a planned phrase has no time of day, the contact goes to <see cref="DefaultTime"/> of that day.</summary>
    public static DateTime PlannedUtc(WhenPhrase when, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(when);
        return when.HasTime ? when.Utc : LocalCalendar.At(DateOnly.FromDateTime(when.LocalDateTime), DefaultTime, zone);
    }

    /// <summary>
    /// When a back-dated phrase has no time («дата вчера»), the touch keeps the current time of day on that date,
    /// never later than now. No phrase: now.
    /// </summary>
    public static DateTime HappenedUtc(WhenPhrase? at, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (at is null)
        {
            return nowUtc;
        }

        if (at.HasTime)
        {
            return at.Utc;
        }

        var utc = LocalCalendar.At(DateOnly.FromDateTime(at.LocalDateTime), TimeOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone)), zone);
        return utc > nowUtc && at.Utc <= nowUtc ? nowUtc : utc;
    }

    /// <summary>Tomorrow, in three days, or next Monday — at <see cref="DefaultTime"/> in the user's zone.</summary>
    public static DateTime QuickUtc(QuickWhen when, DateTime nowUtc, TimeZoneInfo zone)
    {
        var today = LocalCalendar.Today(nowUtc, zone);
        var day = when switch
        {
            QuickWhen.Tomorrow => today.AddDays(1),
            QuickWhen.InThreeDays => today.AddDays(3),
            _ => LocalCalendar.WeekStart(today).AddDays(7),
        };
        return LocalCalendar.At(day, DefaultTime, zone);
    }
}

/// <summary>The quick buttons that plan the next contact without typing a date.</summary>
public enum QuickWhen
{
    Tomorrow,
    InThreeDays,
    NextWeek,
}

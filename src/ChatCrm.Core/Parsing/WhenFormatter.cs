using System.Globalization;

namespace ChatCrm.Core.Parsing;

/// <summary>Echoes a parsed moment back in words so a misread date is visible before it is saved.</summary>
public static class WhenFormatter
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// «завтра, пт 25 декабря, 15:00», «пт, 25 декабря», "tomorrow, Fri 25 Dec, 15:00", "Fri, 25 Dec 2027".
    /// Yesterday, today and tomorrow are named; the year is shown only when it is not the current one.
    /// </summary>
    /// <param name="language">"ru" or "en"; anything else is treated as "en".</param>
    public static string Describe(WhenPhrase when, DateTime nowUtc, TimeZoneInfo zone, string language)
    {
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(zone);
        var russian = string.Equals(language, "ru", StringComparison.OrdinalIgnoreCase);
        var names = (russian ? Russian : English).DateTimeFormat;

        var today = DateOnly.FromDateTime(ZonedTime.ToLocal(nowUtc, zone));
        var date = DateOnly.FromDateTime(when.LocalDateTime);
        var weekday = names.AbbreviatedDayNames[(int)date.DayOfWeek];
        var month = russian ? names.MonthGenitiveNames[date.Month - 1] : names.AbbreviatedMonthNames[date.Month - 1];
        var dayAndMonth = date.Year == today.Year
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Day} {month}")
            : string.Create(CultureInfo.InvariantCulture, $"{date.Day} {month} {date.Year}");

        var relative = RelativeName(date.DayNumber - today.DayNumber, russian);
        var text = relative is null ? $"{weekday}, {dayAndMonth}" : $"{relative}, {weekday} {dayAndMonth}";
        return when.HasTime
            ? text + ", " + when.LocalDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>
    /// A stored instant in words, in <paramref name="zone"/>: «завтра, пт 4 декабря, 15:00», or the day alone when
    /// <paramref name="withTime"/> is false.
    /// </summary>
    public static string Describe(DateTime utc, DateTime nowUtc, TimeZoneInfo zone, string language, bool withTime = true) =>
        Describe(new WhenPhrase(ZonedTime.ToLocal(utc, zone), DateTime.SpecifyKind(utc, DateTimeKind.Utc), withTime, 0), nowUtc, zone, language);

    private static string? RelativeName(int daysFromToday, bool russian) => daysFromToday switch
    {
        -1 => russian ? "вчера" : "yesterday",
        0 => russian ? "сегодня" : "today",
        1 => russian ? "завтра" : "tomorrow",
        _ => null,
    };
}

namespace ChatCrm.Core.Parsing;

/// <summary>
/// Parses Russian and English date/time phrases relative to the user's "now" in the user's time zone.
/// </summary>
/// <remarks>
/// <para><b>Days.</b> «сегодня/завтра/послезавтра/вчера/позавчера», "today/tomorrow/day after tomorrow/yesterday";
/// weekdays in full, abbreviated and inflected («пт», «пятница», «в пятницу», «во вт», "fri", "on friday");
/// dates «25.12», «25.12.26», «25.12.2026», «25/12», "2026-12-25", «25 декабря», «25 дек», "Dec 25",
/// "25th December 2026"; offsets «через 3 дня / неделю / 2 месяца / год», "in 3 days", "in a week";
/// "next week" / «на следующей неделе» (its Monday).</para>
/// <para><b>Times.</b> «15:00», «в 15», «в 15:30», «к 15», "at 3pm", "3:30 p.m.", «в 9 утра», «в 3 дня» (15:00),
/// «в 7 вечера» (19:00), «в 2 ночи» (02:00), «в 11 ночи» (23:00), «полдень»/"noon" (12:00),
/// «утром»/"morning" 09:00, «днём»/"afternoon" 13:00, «вечером»/"evening" 18:00, «ночью» 23:00;
/// «вечером в 7» is 19:00. Exact spans «через 2 часа», «через 30 минут», «через полчаса», "in 2 hours"
/// count real time from now (DST-proof) and drop the seconds. A day and a time combine in either order,
/// optionally with a comma: «завтра в 15», «15:00 завтра», «пт 10:00», "tomorrow at 3pm".</para>
/// <para><b>Decisions.</b></para>
/// <list type="bullet">
/// <item>A bare hour 1–6 without a part of the day («в 3», «3:30») is 13:00–18:00: nobody books a sales call at
/// 3 a.m. «в 3 ночи», «3am» or a leading zero («03:00») keep it literal. A bare number without «в»/"at", am/pm
/// or a part of the day is not a time («завтра 5 коробок»).</item>
/// <item>«D.MM» is a date when MM is a month (1–12) — «10.11» is 10 November — otherwise a time: «15.30» is 15:30.
/// After «в»/«к»/"at" it is a time when it can be one: «в 10.11» is 10:11, «в 25.12» is still 25 December.</item>
/// <item>A weekday means its next occurrence. Said on that very weekday it means today when the phrase gives a
/// time still ahead («в пятницу в 18» on Friday at 10:00), otherwise a week later — the word for today is
/// «сегодня». «эту пятницу»/"this friday" said on a Friday is today. «следующую пятницу»/"next friday" is the
/// Friday of next calendar week (weeks start on Monday), even when this week's Friday is still ahead.</item>
/// <item>A time without a day is today, or tomorrow when it has already passed (to the minute).
/// A named day is never moved: «сегодня в 9» at 10:00 is this morning, for back-dating.</item>
/// <item>A date without a year is this year, or next year once it has passed (so «25.12» said on 27.12 is next
/// Christmas, and «at 20.11» cannot back-date: write the year or «вчера»). «29.02» names the coming February and
/// is rejected when that February has no 29th. A written year is taken as is; two digits mean 20xx.</item>
/// <item>«через месяц» keeps the day of month, clamped to the month's end: 31 January + 1 month is 28/29 February.</item>
/// <item>Impossible dates and times («31.02», «32.01», «25:00», «15 утра», "13pm») and a weekday that contradicts
/// its date («пн 25.12.2026») reject the whole phrase, as does a date/time-shaped leftover («завтра 25:00»).</item>
/// <item>Words match whole: «завтрак» is not «завтра». A local time in a spring-forward gap moves forward by the gap;
/// one repeated at fall-back takes its first occurrence (see <see cref="WhenPhrase"/>'s Utc).</item>
/// </list>
/// </remarks>
public static class WhenParser
{
    /// <summary>
    /// Parses the longest date/time phrase at the start of <paramref name="text"/> (leading spaces allowed);
    /// the rest, from <see cref="WhenPhrase.Length"/> on, is the caller's (e.g. a note). Null when the text does
    /// not start with a phrase or the phrase is impossible.
    /// </summary>
    /// <param name="nowUtc">The current instant, <see cref="DateTimeKind.Utc"/>.</param>
    /// <param name="zone">The user's time zone; "today" is the date on the user's wall clock.</param>
    public static WhenPhrase? TryParsePrefix(string text, DateTime nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var spec = WhenReader.Read(text);
        return spec is null ? null : Resolve(spec, nowUtc, zone);
    }

    /// <summary>Like <see cref="TryParsePrefix"/>, but the whole text must be the phrase (trailing spaces and
    /// punctuation allowed).</summary>
    public static WhenPhrase? TryParse(string text, DateTime nowUtc, TimeZoneInfo zone)
    {
        var phrase = TryParsePrefix(text, nowUtc, zone);
        return phrase is not null && IsOnlyPunctuation(text.AsSpan(phrase.Length)) ? phrase : null;
    }

    private static bool IsOnlyPunctuation(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (!char.IsWhiteSpace(c) && c is not ('.' or ',' or '!' or '?' or ';'))
            {
                return false;
            }
        }

        return true;
    }

    private static WhenPhrase? Resolve(WhenSpec spec, DateTime nowUtc, TimeZoneInfo zone)
    {
        var localNow = ZonedTime.ToLocal(nowUtc, zone);
        if (spec.FromNow is { } span)
        {
            var utc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc) + span;
            utc = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMinute));
            return new WhenPhrase(ZonedTime.ToLocal(utc, zone), utc, HasTime: true, spec.End);
        }

        var today = DateOnly.FromDateTime(localNow);
        var nowTime = new TimeOnly(localNow.Hour, localNow.Minute);
        DateOnly? date = spec.Day switch
        {
            null => spec.Time < nowTime ? today.AddDays(1) : today,
            DaysFromToday relative => today.AddDays(relative.Days),
            MonthsFromToday months => today.AddMonths(months.Months),
            WeekdaySpec weekday => ResolveWeekday(weekday, today, nowTime, spec.Time),
            CalendarDate calendar => ResolveDate(calendar, today),
            _ => throw new InvalidOperationException($"Unknown day kind {spec.Day.GetType().Name}."),
        };
        if (date is null)
        {
            return null;
        }

        var (local, utcMoment) = ZonedTime.Pin(date.Value.ToDateTime(spec.Time ?? TimeOnly.MinValue), zone);
        return new WhenPhrase(local, utcMoment, spec.Time is not null, spec.End);
    }

    private static DateOnly ResolveWeekday(WeekdaySpec weekday, DateOnly today, TimeOnly nowTime, TimeOnly? time)
    {
        var daysAhead = ((int)weekday.Day - (int)today.DayOfWeek + 7) % 7;
        switch (weekday.Mode)
        {
            case WeekdayMode.Next:
                var daysToNextMonday = 7 - MondayBasedIndex(today.DayOfWeek);
                return today.AddDays(daysToNextMonday + MondayBasedIndex(weekday.Day));
            case WeekdayMode.Nearest when daysAhead == 0 && !(time >= nowTime):
                return today.AddDays(7);
            default:
                return today.AddDays(daysAhead);
        }
    }

    private static int MondayBasedIndex(DayOfWeek day) => ((int)day + 6) % 7;

    private static DateOnly? ResolveDate(CalendarDate calendar, DateOnly today)
    {
        // Day and month are compared as written, before checking the day exists, so «29.02» names the
        // coming February: rejected in 2027 until that February has passed, then 29 February 2028.
        var year = calendar.Year
            ?? ((calendar.Month, calendar.Day).CompareTo((today.Month, today.Day)) >= 0 ? today.Year : today.Year + 1);
        if (!IsValid(year, calendar))
        {
            return null;
        }

        var date = new DateOnly(year, calendar.Month, calendar.Day);
        return calendar.Weekday is { } weekday && date.DayOfWeek != weekday ? null : date;
    }

    private static bool IsValid(int year, CalendarDate calendar) =>
        calendar.Day <= DateTime.DaysInMonth(year, calendar.Month);
}

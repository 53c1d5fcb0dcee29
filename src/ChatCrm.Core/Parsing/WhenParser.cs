using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Parsing;

/// <summary>Which way a phrase without a year or a week reaches from today.</summary>
public enum WhenDirection
{
    /// <summary>Planning: «25.12», «пт» mean the coming ones.</summary>
    Forward,

    /// <summary>Back-dating after <c>дата</c>/<c>at</c>: «25.11», «в понедельник» mean the most recent ones, today included.</summary>
    Past,
}

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
/// Christmas); read <see cref="WhenDirection.Past"/> it is the other way round (below). «29.02» names the coming February and
/// is rejected when that February has no 29th. A written year is taken as is; two digits mean 20xx.</item>
/// <item>Read <see cref="WhenDirection.Past"/> (back-dating), a date without a year, a weekday and a bare time mean
/// the most recent occurrence up to today: «25.11» said on 2 December is 25 November, «в понедельник» the last
/// Monday (today when said on a Monday), «10:00» at 15:00 this morning. A named day is still not moved, so
/// «дата завтра» stays tomorrow and is refused by the caller. «прошлую пятницу»/"last friday" is the Friday
/// of the previous calendar week in either direction.</item>
/// <item>«a/b» with a slash: a Russian user writes day/month. When only one order is a date («12/25») that order
/// is taken. For an English user both orders are possible when both numbers are 12 or less («12/10»): the phrase is
/// read month-first and carries the other reading in <see cref="WhenPhrase.Ambiguity"/>, so the caller can ask.
/// «dd.mm» is always day-month.</item>
/// <item>Parts of the day: «утром» 09:00, «до обеда» 11:00, «в обед»/"at lunch" 13:00, «днём» 13:00,
/// «после обеда»/"in the afternoon" 14:00, «вечером» 18:00; they follow a day («в пятницу после обеда»).</item>
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
    /// <param name="direction">Planning reads forward; back-dating (<c>дата</c>, <c>at</c>) reads the most recent past.</param>
    /// <param name="language">The user's language decides the order of «a/b» (see the remarks).</param>
    public static WhenPhrase? TryParsePrefix(string text, DateTime nowUtc, TimeZoneInfo zone,
        WhenDirection direction = WhenDirection.Forward, Language language = Language.Ru)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var spec = WhenReader.Read(text);
        if (spec is null)
        {
            return null;
        }

        if (spec.Day is CalendarDate { Written: { } written } date)
        {
            var dayFirst = date with { Written = null };
            var monthFirst = date with { Day = date.Month, Month = date.Day, Written = null };
            if (!date.DayFirstValid)
            {
                return Resolve(spec with { Day = monthFirst }, nowUtc, zone, direction);
            }

            if (!date.MonthFirstValid || language != Language.En || date.Day == date.Month)
            {
                return Resolve(spec with { Day = dayFirst }, nowUtc, zone, direction);
            }

            var asDayFirst = Resolve(spec with { Day = dayFirst }, nowUtc, zone, direction);
            var asMonthFirst = Resolve(spec with { Day = monthFirst }, nowUtc, zone, direction);
            return asDayFirst is null || asMonthFirst is null
                ? asMonthFirst ?? asDayFirst
                : asMonthFirst with { Ambiguity = new DateAmbiguity(text[written.Start..written.End], asDayFirst, asMonthFirst) };
        }

        return Resolve(spec, nowUtc, zone, direction);
    }

    /// <summary>Like <see cref="TryParsePrefix"/>, but the whole text must be the phrase (trailing spaces and
    /// punctuation allowed).</summary>
    public static WhenPhrase? TryParse(string text, DateTime nowUtc, TimeZoneInfo zone,
        WhenDirection direction = WhenDirection.Forward, Language language = Language.Ru)
    {
        var phrase = TryParsePrefix(text, nowUtc, zone, direction, language);
        return phrase is not null && IsOnlyPunctuation(text.AsSpan(phrase.Length)) ? phrase : null;
    }

    /// <summary>
    /// The first piece of <paramref name="note"/> that names a day after today («обсудили 25.12 поставку»,
    /// «поставка в пятницу»), read forward: a note that still holds one may have meant it as the next contact, so the
    /// caller echoes it and offers to plan it. A bare time («в 15»), a past or today's day and a decimal-looking
    /// «1.5» are not offered. Null when there is none.
    /// </summary>
    public static DayMention? FindDayMention(string note, DateTime nowUtc, TimeZoneInfo zone, Language language = Language.Ru)
    {
        ArgumentNullException.ThrowIfNull(note);
        var today = DateOnly.FromDateTime(ZonedTime.ToLocal(nowUtc, zone));
        for (var i = 0; i < note.Length; i++)
        {
            if (char.IsWhiteSpace(note[i]) || (i > 0 && !char.IsWhiteSpace(note[i - 1]) && note[i - 1] is not ('(' or ',')))
            {
                continue;
            }

            var rest = note[i..];
            if (WhenReader.Read(rest) is not { Day: not null } spec || LooksLikeDecimal(rest[..spec.End]))
            {
                continue;
            }

            if (TryParsePrefix(rest, nowUtc, zone, WhenDirection.Forward, language) is { } when
                && DateOnly.FromDateTime(when.LocalDateTime) > today)
            {
                return new DayMention(rest[..when.Length].Trim(), when);
            }
        }

        return null;
    }

    private static bool LooksLikeDecimal(string piece)
    {
        var trimmed = piece.Trim();
        return trimmed.Length == 3 && char.IsAsciiDigit(trimmed[0]) && trimmed[1] is '.' or ',' && char.IsAsciiDigit(trimmed[2]);
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

    private static WhenPhrase? Resolve(WhenSpec spec, DateTime nowUtc, TimeZoneInfo zone, WhenDirection direction)
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
        var past = direction == WhenDirection.Past;
        DateOnly? date = spec.Day switch
        {
            null => spec.Time < nowTime && !past ? today.AddDays(1) : today,
            DaysFromToday relative => today.AddDays(relative.Days),
            MonthsFromToday months => today.AddMonths(months.Months),
            WeekdaySpec weekday => past ? ResolvePastWeekday(weekday, today, nowTime, spec.Time) : ResolveWeekday(weekday, today, nowTime, spec.Time),
            CalendarDate calendar => ResolveDate(calendar, today, past),
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
            case WeekdayMode.Last:
                return LastWeeks(weekday.Day, today);
            case WeekdayMode.Nearest when daysAhead == 0 && !(time >= nowTime):
                return today.AddDays(7);
            default:
                return today.AddDays(daysAhead);
        }
    }

    /// <summary>
    /// The most recent such weekday, today included unless the time named is still ahead. «эту пятницу» is this
    /// calendar week's and «следующую» next week's wherever they fall: the caller refuses a future date.
    /// </summary>
    private static DateOnly ResolvePastWeekday(WeekdaySpec weekday, DateOnly today, TimeOnly nowTime, TimeOnly? time)
    {
        var daysBack = ((int)today.DayOfWeek - (int)weekday.Day + 7) % 7;
        var thisWeeks = today.AddDays(MondayBasedIndex(weekday.Day) - MondayBasedIndex(today.DayOfWeek));
        return weekday.Mode switch
        {
            WeekdayMode.Last => LastWeeks(weekday.Day, today),
            WeekdayMode.This => thisWeeks,
            WeekdayMode.Next => thisWeeks.AddDays(7),
            _ when daysBack == 0 && time > nowTime => today.AddDays(-7),
            _ => today.AddDays(-daysBack),
        };
    }

    /// <summary>«прошлую пятницу»: the Friday of the previous calendar week.</summary>
    private static DateOnly LastWeeks(DayOfWeek day, DateOnly today) =>
        today.AddDays(MondayBasedIndex(day) - MondayBasedIndex(today.DayOfWeek) - 7);

    private static int MondayBasedIndex(DayOfWeek day) => ((int)day + 6) % 7;

    private static DateOnly? ResolveDate(CalendarDate calendar, DateOnly today, bool past)
    {
        // Day and month are compared as written, before checking the day exists, so «29.02» names the
        // coming February: rejected in 2027 until that February has passed, then 29 February 2028.
        // Back-dating mirrors it: the most recent such day, today included.
        var order = (calendar.Month, calendar.Day).CompareTo((today.Month, today.Day));
        var year = calendar.Year
            ?? (past ? (order <= 0 ? today.Year : today.Year - 1) : (order >= 0 ? today.Year : today.Year + 1));
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

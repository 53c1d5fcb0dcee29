using System.Globalization;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class WhenParserTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Vladivostok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Vladivostok");

    // Wednesday 25 November 2026, 10:00 in Moscow (UTC+3, no DST).
    private static readonly DateTime WednesdayMorning = MoscowToUtc("2026-11-25 10:00");

    [Theory]
    // relative days
    [InlineData("сегодня", "2026-11-25")]
    [InlineData("Сегодня", "2026-11-25")]
    [InlineData("завтра", "2026-11-26")]
    [InlineData("ЗАВТРА", "2026-11-26")]
    [InlineData("послезавтра", "2026-11-27")]
    [InlineData("вчера", "2026-11-24")]
    [InlineData("позавчера", "2026-11-23")]
    [InlineData("на завтра", "2026-11-26")]
    [InlineData("today", "2026-11-25")]
    [InlineData("tomorrow", "2026-11-26")]
    [InlineData("Tomorrow", "2026-11-26")]
    [InlineData("tmrw", "2026-11-26")]
    [InlineData("day after tomorrow", "2026-11-27")]
    [InlineData("the day after tomorrow", "2026-11-27")]
    [InlineData("yesterday", "2026-11-24")]
    // weekdays: the next occurrence; today's own weekday without a time is a week ahead
    [InlineData("пн", "2026-11-30")]
    [InlineData("понедельник", "2026-11-30")]
    [InlineData("в понедельник", "2026-11-30")]
    [InlineData("вт", "2026-12-01")]
    [InlineData("вторник", "2026-12-01")]
    [InlineData("во вторник", "2026-12-01")]
    [InlineData("ср", "2026-12-02")]
    [InlineData("среда", "2026-12-02")]
    [InlineData("в среду", "2026-12-02")]
    [InlineData("чт", "2026-11-26")]
    [InlineData("в четверг", "2026-11-26")]
    [InlineData("пт", "2026-11-27")]
    [InlineData("пт.", "2026-11-27")]
    [InlineData("Пятница", "2026-11-27")]
    [InlineData("в пятницу", "2026-11-27")]
    [InlineData("на пятницу", "2026-11-27")]
    [InlineData("к пятнице", "2026-11-27")]
    [InlineData("сб", "2026-11-28")]
    [InlineData("в субботу", "2026-11-28")]
    [InlineData("вс", "2026-11-29")]
    [InlineData("в воскресенье", "2026-11-29")]
    [InlineData("mon", "2026-11-30")]
    [InlineData("Monday", "2026-11-30")]
    [InlineData("on monday", "2026-11-30")]
    [InlineData("tue", "2026-12-01")]
    [InlineData("tuesday", "2026-12-01")]
    [InlineData("wed", "2026-12-02")]
    [InlineData("thu", "2026-11-26")]
    [InlineData("thursday", "2026-11-26")]
    [InlineData("fri", "2026-11-27")]
    [InlineData("Fri.", "2026-11-27")]
    [InlineData("friday", "2026-11-27")]
    [InlineData("on Friday", "2026-11-27")]
    [InlineData("sat", "2026-11-28")]
    [InlineData("sunday", "2026-11-29")]
    // "next" is the next calendar week (Monday-based); "this" is the nearest, today included
    [InlineData("next monday", "2026-11-30")]
    [InlineData("next friday", "2026-12-04")]
    [InlineData("в следующий понедельник", "2026-11-30")]
    [InlineData("в следующую пятницу", "2026-12-04")]
    [InlineData("в следующую среду", "2026-12-02")]
    [InlineData("следующий вторник", "2026-12-01")]
    [InlineData("this friday", "2026-11-27")]
    [InlineData("в эту пятницу", "2026-11-27")]
    [InlineData("this wednesday", "2026-11-25")]
    [InlineData("next week", "2026-11-30")]
    [InlineData("на следующей неделе", "2026-11-30")]
    [InlineData("на след. неделе", "2026-11-30")]
    // day offsets
    [InlineData("через день", "2026-11-26")]
    [InlineData("через 3 дня", "2026-11-28")]
    [InlineData("через три дня", "2026-11-28")]
    [InlineData("через пару дней", "2026-11-27")]
    [InlineData("через 10 дней", "2026-12-05")]
    [InlineData("через неделю", "2026-12-02")]
    [InlineData("через 2 недели", "2026-12-09")]
    [InlineData("через месяц", "2026-12-25")]
    [InlineData("через 2 месяца", "2027-01-25")]
    [InlineData("через год", "2027-11-25")]
    [InlineData("in 3 days", "2026-11-28")]
    [InlineData("in one day", "2026-11-26")]
    [InlineData("in a week", "2026-12-02")]
    [InlineData("in 2 weeks", "2026-12-09")]
    [InlineData("in a month", "2026-12-25")]
    // exact spans from now
    [InlineData("через 2 часа", "2026-11-25 12:00")]
    [InlineData("через час", "2026-11-25 11:00")]
    [InlineData("через 30 минут", "2026-11-25 10:30")]
    [InlineData("через полчаса", "2026-11-25 10:30")]
    [InlineData("через 90 мин", "2026-11-25 11:30")]
    [InlineData("через 15 часов", "2026-11-26 01:00")]
    [InlineData("in 2 hours", "2026-11-25 12:00")]
    [InlineData("in an hour", "2026-11-25 11:00")]
    [InlineData("in 30 min", "2026-11-25 10:30")]
    [InlineData("in 45 minutes", "2026-11-25 10:45")]
    [InlineData("in half an hour", "2026-11-25 10:30")]
    // dates
    [InlineData("25.12", "2026-12-25")]
    [InlineData("25.12.2026", "2026-12-25")]
    [InlineData("25.12.26", "2026-12-25")]
    [InlineData("25/12", "2026-12-25")]
    [InlineData("25/12/2026", "2026-12-25")]
    [InlineData("2026-12-25", "2026-12-25")]
    [InlineData("25 декабря", "2026-12-25")]
    [InlineData("25 дек", "2026-12-25")]
    [InlineData("25 дек.", "2026-12-25")]
    [InlineData("декабря 25", "2026-12-25")]
    [InlineData("25 декабря 2026 г.", "2026-12-25")]
    [InlineData("Dec 25", "2026-12-25")]
    [InlineData("December 25", "2026-12-25")]
    [InlineData("25 Dec", "2026-12-25")]
    [InlineData("25 december 2026", "2026-12-25")]
    [InlineData("Dec 25, 2026", "2026-12-25")]
    [InlineData("25th December", "2026-12-25")]
    [InlineData("на 25.12", "2026-12-25")]
    [InlineData("on 25 Dec", "2026-12-25")]
    [InlineData("25.11", "2026-11-25")]
    [InlineData("24.11", "2027-11-24")]
    [InlineData("10.11", "2027-11-10")]
    [InlineData("1 января", "2027-01-01")]
    [InlineData("01.01", "2027-01-01")]
    [InlineData("1.3", "2027-03-01")]
    [InlineData("5 мая", "2027-05-05")]
    [InlineData("1 апр", "2027-04-01")]
    [InlineData("3 марта 2027", "2027-03-03")]
    [InlineData("25.12.2027", "2027-12-25")]
    [InlineData("29.02.2028", "2028-02-29")]
    [InlineData("1.06.2025", "2025-06-01")]
    // times: today, or tomorrow once passed
    [InlineData("15:00", "2026-11-25 15:00")]
    [InlineData("10:00", "2026-11-25 10:00")]
    [InlineData("9:00", "2026-11-26 09:00")]
    [InlineData("09:59", "2026-11-26 09:59")]
    [InlineData("15.30", "2026-11-25 15:30")]
    [InlineData("в 15", "2026-11-25 15:00")]
    [InlineData("в 15:30", "2026-11-25 15:30")]
    [InlineData("в 15 часов", "2026-11-25 15:00")]
    [InlineData("к 15", "2026-11-25 15:00")]
    [InlineData("в 10.11", "2026-11-25 10:11")]
    [InlineData("at 3pm", "2026-11-25 15:00")]
    [InlineData("3pm", "2026-11-25 15:00")]
    [InlineData("3 PM", "2026-11-25 15:00")]
    [InlineData("3:30 pm", "2026-11-25 15:30")]
    [InlineData("3:30pm", "2026-11-25 15:30")]
    [InlineData("3 p.m.", "2026-11-25 15:00")]
    [InlineData("11am", "2026-11-25 11:00")]
    [InlineData("9am", "2026-11-26 09:00")]
    [InlineData("12pm", "2026-11-25 12:00")]
    [InlineData("12am", "2026-11-26 00:00")]
    [InlineData("в 9 утра", "2026-11-26 09:00")]
    [InlineData("в 11 утра", "2026-11-25 11:00")]
    [InlineData("в 3 дня", "2026-11-25 15:00")]
    [InlineData("в 3 часа дня", "2026-11-25 15:00")]
    [InlineData("в 12 дня", "2026-11-25 12:00")]
    [InlineData("в 7 вечера", "2026-11-25 19:00")]
    [InlineData("в 9 вечера", "2026-11-25 21:00")]
    [InlineData("в 11 вечера", "2026-11-25 23:00")]
    [InlineData("в 2 ночи", "2026-11-26 02:00")]
    [InlineData("в 11 ночи", "2026-11-25 23:00")]
    [InlineData("в 3", "2026-11-25 15:00")]
    [InlineData("в 03:00", "2026-11-26 03:00")]
    [InlineData("в 7", "2026-11-26 07:00")]
    [InlineData("в полдень", "2026-11-25 12:00")]
    [InlineData("полдень", "2026-11-25 12:00")]
    [InlineData("at noon", "2026-11-25 12:00")]
    [InlineData("утром", "2026-11-26 09:00")]
    [InlineData("днём", "2026-11-25 13:00")]
    [InlineData("днем", "2026-11-25 13:00")]
    [InlineData("вечером", "2026-11-25 18:00")]
    [InlineData("in the evening", "2026-11-25 18:00")]
    [InlineData("вечером в 7", "2026-11-25 19:00")]
    [InlineData("утром в 9", "2026-11-26 09:00")]
    [InlineData("at 9 in the morning", "2026-11-26 09:00")]
    // a day and a time, either order
    [InlineData("завтра 15:00", "2026-11-26 15:00")]
    [InlineData("завтра в 15", "2026-11-26 15:00")]
    [InlineData("Завтра в 15:30", "2026-11-26 15:30")]
    [InlineData("завтра, 15:00", "2026-11-26 15:00")]
    [InlineData("15:00 завтра", "2026-11-26 15:00")]
    [InlineData("в 15 в пятницу", "2026-11-27 15:00")]
    [InlineData("завтра утром", "2026-11-26 09:00")]
    [InlineData("завтра в 9 утра", "2026-11-26 09:00")]
    [InlineData("сегодня вечером", "2026-11-25 18:00")]
    [InlineData("сегодня в 9", "2026-11-25 09:00")]
    [InlineData("послезавтра в 10:30", "2026-11-27 10:30")]
    [InlineData("пт 10:00", "2026-11-27 10:00")]
    [InlineData("в пятницу в 9 утра", "2026-11-27 09:00")]
    [InlineData("в пятницу в 15", "2026-11-27 15:00")]
    [InlineData("пятница 18:00", "2026-11-27 18:00")]
    [InlineData("в среду в 18", "2026-11-25 18:00")]
    [InlineData("в среду в 9", "2026-12-02 09:00")]
    [InlineData("ср 10:00", "2026-11-25 10:00")]
    [InlineData("25.12 в 11", "2026-12-25 11:00")]
    [InlineData("25.12 15:00", "2026-12-25 15:00")]
    [InlineData("25 декабря в 15:00", "2026-12-25 15:00")]
    [InlineData("в 11 25.12", "2026-12-25 11:00")]
    [InlineData("2026-12-25 15:00", "2026-12-25 15:00")]
    [InlineData("через 3 дня в 15:00", "2026-11-28 15:00")]
    [InlineData("tomorrow at 3pm", "2026-11-26 15:00")]
    [InlineData("tomorrow 10am", "2026-11-26 10:00")]
    [InlineData("3pm tomorrow", "2026-11-26 15:00")]
    [InlineData("fri 10am", "2026-11-27 10:00")]
    [InlineData("friday at 2:30pm", "2026-11-27 14:30")]
    [InlineData("on friday at noon", "2026-11-27 12:00")]
    [InlineData("Dec 25 at 11am", "2026-12-25 11:00")]
    [InlineData("next monday 9am", "2026-11-30 09:00")]
    [InlineData("в следующий понедельник в 10", "2026-11-30 10:00")]
    [InlineData("на следующей неделе в 10", "2026-11-30 10:00")]
    [InlineData("tomorrow morning", "2026-11-26 09:00")]
    [InlineData("tomorrow evening", "2026-11-26 18:00")]
    [InlineData("in 3 days at 3pm", "2026-11-28 15:00")]
    [InlineData("в понедельник 9:30", "2026-11-30 09:30")]
    [InlineData("через 2 дня утром", "2026-11-27 09:00")]
    [InlineData("25 декабря 2026 в 15:00", "2026-12-25 15:00")]
    [InlineData("on 25.12 at 3pm", "2026-12-25 15:00")]
    [InlineData("вечером в пятницу", "2026-11-27 18:00")]
    [InlineData("сегодня 23:00", "2026-11-25 23:00")]
    [InlineData("в 9:30", "2026-11-26 09:30")]
    [InlineData("в 10", "2026-11-25 10:00")]
    [InlineData("через 2 ч", "2026-11-25 12:00")]
    [InlineData("in 1 hour", "2026-11-25 11:00")]
    // the echo's own format, typed back
    [InlineData("пн 30.11 10:00", "2026-11-30 10:00")]
    [InlineData("пт, 27 ноября", "2026-11-27")]
    [InlineData("пт 27 ноября, 15:00", "2026-11-27 15:00")]
    [InlineData("Fri 27 Nov 3pm", "2026-11-27 15:00")]
    public void Phrase_said_on_Wednesday_morning_in_Moscow_means_the_expected_moment(string text, string expected)
    {
        var phrase = WhenParser.TryParse(text, WednesdayMorning, Moscow);

        phrase.Should().NotBeNull();
        Show(phrase!).Should().Be(expected);
        phrase!.Utc.Kind.Should().Be(DateTimeKind.Utc);
        phrase.Utc.Should().Be(phrase.LocalDateTime.AddHours(-3), "Moscow is UTC+3 all year");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("привет")]
    [InlineData("обсудили дату")]
    [InlineData("завтрак")]
    [InlineData("завтрак в 9")]
    [InlineData("сегодняшний")]
    [InlineData("пятничный созвон")]
    [InlineData("fridays")]
    [InlineData("tomorrowland")]
    [InlineData("понедельники")]
    [InlineData("декабрь")]
    [InlineData("15")]
    [InlineData("150к")]
    [InlineData("#42")]
    [InlineData("3 коробки")]
    [InlineData("в")]
    [InlineData("через")]
    [InlineData("через Ивана")]
    [InlineData("in")]
    [InlineData("next")]
    [InlineData("31.02")]
    [InlineData("32.01")]
    [InlineData("31.04.2027")]
    [InlineData("00.12")]
    [InlineData("29.02")]
    [InlineData("29.02.2026")]
    [InlineData("30 февраля")]
    [InlineData("Feb 30")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("25.13.2026")]
    [InlineData("25/13")]
    [InlineData("25:00")]
    [InlineData("24:00")]
    [InlineData("15:60")]
    [InlineData("15:0")]
    [InlineData("в 25")]
    [InlineData("в 15 утра")]
    [InlineData("в 12 утра")]
    [InlineData("в 2 вечера")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("завтра 25:00")]
    [InlineData("завтра15")]
    [InlineData("25.12.2")]
    [InlineData("пн 25.12.2026")]
    [InlineData("через 0 дней")]
    [InlineData("через 5000 дней")]
    [InlineData("завтра позвонить")]
    public void Text_that_is_not_a_valid_phrase_is_rejected(string text)
    {
        WhenParser.TryParse(text, WednesdayMorning, Moscow).Should().BeNull();
    }

    [Theory]
    [InlineData("завтра.", "2026-11-26")]
    [InlineData("завтра!", "2026-11-26")]
    [InlineData("  завтра в 15  ", "2026-11-26 15:00")]
    [InlineData("25.12.", "2026-12-25")]
    public void Whole_phrase_may_be_surrounded_by_spaces_and_end_with_punctuation(string text, string expected)
    {
        Show(WhenParser.TryParse(text, WednesdayMorning, Moscow)!).Should().Be(expected);
    }

    [Theory]
    [InlineData("завтра позвонить", "2026-11-26", " позвонить")]
    [InlineData("  завтра в 15 обсудить КП", "2026-11-26 15:00", " обсудить КП")]
    [InlineData("пт 10:00 перезвонить", "2026-11-27 10:00", " перезвонить")]
    [InlineData("через 3 дня уточнить", "2026-11-28", " уточнить")]
    [InlineData("25.12 в 11, созвон", "2026-12-25 11:00", ", созвон")]
    [InlineData("15:00 завтра встреча", "2026-11-26 15:00", " встреча")]
    [InlineData("в пятницу вечером, обсудить", "2026-11-27 18:00", ", обсудить")]
    [InlineData("завтра обсудили дату", "2026-11-26", " обсудили дату")]
    [InlineData("завтра 5 коробок", "2026-11-26", " 5 коробок")]
    [InlineData("завтра 150к", "2026-11-26", " 150к")]
    [InlineData("завтра 1.5 часа говорили", "2026-11-26", " 1.5 часа говорили")]
    [InlineData("in 2 hours call back", "2026-11-25 12:00", " call back")]
    [InlineData("3pm demo", "2026-11-25 15:00", " demo")]
    [InlineData("next week demo", "2026-11-30", " demo")]
    [InlineData("25 декабря 1500 штук", "2026-12-25", " 1500 штук")]
    public void Prefix_stops_where_the_phrase_ends_and_leaves_the_note(string text, string expected, string rest)
    {
        var phrase = WhenParser.TryParsePrefix(text, WednesdayMorning, Moscow);

        phrase.Should().NotBeNull();
        Show(phrase!).Should().Be(expected);
        text[phrase!.Length..].Should().Be(rest);
    }

    [Theory]
    [InlineData("завтракать в 9")]
    [InlineData("завтра 25:00 звонок")]
    [InlineData("31.02 встреча")]
    [InlineData("звонок завтра")]
    public void Prefix_is_null_when_the_text_does_not_start_with_a_valid_phrase(string text)
    {
        WhenParser.TryParsePrefix(text, WednesdayMorning, Moscow).Should().BeNull();
    }

    [Theory]
    [InlineData("в пятницу", "2026-12-04")]
    [InlineData("пт", "2026-12-04")]
    [InlineData("в пятницу в 15", "2026-11-27 15:00")]
    [InlineData("в пятницу в 9", "2026-12-04 09:00")]
    [InlineData("пт 10:00", "2026-11-27 10:00")]
    [InlineData("friday 3pm", "2026-11-27 15:00")]
    [InlineData("this friday", "2026-11-27")]
    [InlineData("в эту пятницу в 9", "2026-11-27 09:00")]
    [InlineData("next friday", "2026-12-04")]
    [InlineData("в следующую пятницу", "2026-12-04")]
    [InlineData("в четверг", "2026-12-03")]
    [InlineData("next week", "2026-11-30")]
    [InlineData("сегодня", "2026-11-27")]
    public void Weekday_said_on_that_same_weekday_is_today_only_when_a_later_time_is_given(string text, string expected)
    {
        var fridayMorning = MoscowToUtc("2026-11-27 10:00");

        Show(WhenParser.TryParse(text, fridayMorning, Moscow)!).Should().Be(expected);
    }

    [Theory]
    [InlineData("next monday", "2026-11-30")]
    [InlineData("пн", "2026-11-30")]
    [InlineData("next friday", "2026-12-04")]
    [InlineData("next week", "2026-11-30")]
    public void Next_weekday_said_on_Sunday_is_in_the_week_starting_tomorrow(string text, string expected)
    {
        var sunday = MoscowToUtc("2026-11-29 12:00");

        Show(WhenParser.TryParse(text, sunday, Moscow)!).Should().Be(expected);
    }

    [Theory]
    [InlineData("завтра", "2027-01-01")]
    [InlineData("tomorrow", "2027-01-01")]
    [InlineData("послезавтра", "2027-01-02")]
    [InlineData("через неделю", "2027-01-07")]
    [InlineData("через месяц", "2027-01-31")]
    [InlineData("25.12", "2027-12-25")]
    [InlineData("1.01", "2027-01-01")]
    [InlineData("31.12", "2026-12-31")]
    [InlineData("31 декабря в 18", "2026-12-31 18:00")]
    [InlineData("в 11", "2027-01-01 11:00")]
    [InlineData("пт", "2027-01-01")]
    [InlineData("next week", "2027-01-04")]
    [InlineData("через 13 часов", "2027-01-01 01:00")]
    public void Phrases_said_on_New_Years_Eve_roll_into_next_year(string text, string expected)
    {
        var newYearsEve = MoscowToUtc("2026-12-31 12:00");

        Show(WhenParser.TryParse(text, newYearsEve, Moscow)!).Should().Be(expected);
    }

    [Theory]
    [InlineData("2026-01-31 12:00", "через месяц", "2026-02-28")]
    [InlineData("2028-01-31 12:00", "через месяц", "2028-02-29")]
    [InlineData("2026-01-31 12:00", "через 2 месяца", "2026-03-31")]
    [InlineData("2026-01-31 12:00", "in a month", "2026-02-28")]
    [InlineData("2026-03-31 12:00", "через месяц", "2026-04-30")]
    [InlineData("2026-01-31 12:00", "31.01", "2026-01-31")]
    [InlineData("2026-01-31 12:00", "30.01", "2027-01-30")]
    [InlineData("2026-02-28 12:00", "завтра", "2026-03-01")]
    [InlineData("2028-02-28 12:00", "завтра", "2028-02-29")]
    [InlineData("2028-02-28 12:00", "29.02", "2028-02-29")]
    [InlineData("2028-02-28 12:00", "29 февраля в 10", "2028-02-29 10:00")]
    [InlineData("2028-02-29 12:00", "через год", "2029-02-28")]
    [InlineData("2028-02-29 12:00", "через неделю", "2028-03-07")]
    [InlineData("2027-12-30 12:00", "29.02", "2028-02-29")]
    [InlineData("2027-06-01 12:00", "29 февраля", "2028-02-29")]
    public void Month_ends_and_leap_years_land_on_real_days(string now, string text, string expected)
    {
        Show(WhenParser.TryParse(text, MoscowToUtc(now), Moscow)!).Should().Be(expected);
    }

    [Theory]
    [InlineData("2026-02-15 12:00", "29.02")]
    [InlineData("2027-01-10 12:00", "29 февраля")]
    [InlineData("2028-03-01 12:00", "29.02")]
    public void February_29th_without_a_year_is_rejected_when_the_coming_February_has_none(string now, string text)
    {
        WhenParser.TryParse(text, MoscowToUtc(now), Moscow).Should().BeNull();
    }

    [Theory]
    // Spring forward in Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST.
    [InlineData("завтра 01:30", "2026-03-29 01:30", "2026-03-29T00:30Z")]
    [InlineData("завтра 02:30", "2026-03-29 03:30", "2026-03-29T01:30Z")]
    [InlineData("завтра в 2:30 ночи", "2026-03-29 03:30", "2026-03-29T01:30Z")]
    [InlineData("завтра 03:30", "2026-03-29 03:30", "2026-03-29T01:30Z")]
    [InlineData("завтра 10:00", "2026-03-29 10:00", "2026-03-29T08:00Z")]
    [InlineData("завтра", "2026-03-29", "2026-03-28T23:00Z")]
    [InlineData("в 11", "2026-03-28 11:00", "2026-03-28T10:00Z")]
    public void Local_times_on_the_spring_forward_day_in_Berlin_map_to_the_right_instants(string text, string expectedLocal, string expectedUtc)
    {
        var dayBefore = BerlinToUtc("2026-03-28 09:00");

        var phrase = WhenParser.TryParse(text, dayBefore, Berlin)!;

        Show(phrase).Should().Be(expectedLocal);
        phrase.Utc.Should().Be(Utc(expectedUtc));
    }

    [Theory]
    // Fall back in Berlin: 2026-10-25 03:00 CEST becomes 02:00 CET, so 02:00–02:59 happens twice.
    [InlineData("завтра 01:30", "2026-10-25 01:30", "2026-10-24T23:30Z")]
    [InlineData("завтра 02:30", "2026-10-25 02:30", "2026-10-25T00:30Z")]
    [InlineData("завтра 03:30", "2026-10-25 03:30", "2026-10-25T02:30Z")]
    [InlineData("завтра в 15", "2026-10-25 15:00", "2026-10-25T14:00Z")]
    [InlineData("завтра", "2026-10-25", "2026-10-24T22:00Z")]
    public void Local_times_on_the_fall_back_day_in_Berlin_take_the_first_occurrence(string text, string expectedLocal, string expectedUtc)
    {
        var dayBefore = BerlinToUtc("2026-10-24 12:00");

        var phrase = WhenParser.TryParse(text, dayBefore, Berlin)!;

        Show(phrase).Should().Be(expectedLocal);
        phrase.Utc.Should().Be(Utc(expectedUtc));
    }

    [Fact]
    public void Hours_from_now_count_real_time_across_the_spring_forward_gap()
    {
        var now = Utc("2026-03-29T00:30Z"); // 01:30 CET in Berlin

        var phrase = WhenParser.TryParse("через 2 часа", now, Berlin)!;

        phrase.Utc.Should().Be(Utc("2026-03-29T02:30Z"));
        Show(phrase).Should().Be("2026-03-29 04:30");
    }

    [Fact]
    public void Hours_from_now_drop_the_seconds_of_now()
    {
        var now = MoscowToUtc("2026-11-25 10:00").AddSeconds(37);

        var phrase = WhenParser.TryParse("через 30 минут", now, Moscow)!;

        phrase.LocalDateTime.Should().Be(new DateTime(2026, 11, 25, 10, 30, 0));
        phrase.HasTime.Should().BeTrue();
    }

    [Theory]
    [InlineData("сегодня", "2026-11-25", "2026-11-26")]
    [InlineData("завтра", "2026-11-26", "2026-11-27")]
    [InlineData("в 9", "2026-11-26 09:00", "2026-11-26 09:00")]
    [InlineData("в 23:59", "2026-11-25 23:59", "2026-11-26 23:59")]
    [InlineData("пт", "2026-11-27", "2026-11-27")]
    [InlineData("чт", "2026-11-26", "2026-12-03")]
    public void The_same_instant_is_late_Wednesday_in_Moscow_but_Thursday_morning_in_Vladivostok(
        string text, string expectedInMoscow, string expectedInVladivostok)
    {
        var instant = Utc("2026-11-25T20:59Z"); // 23:59 in Moscow, 06:59 next day in Vladivostok (UTC+10)

        Show(WhenParser.TryParse(text, instant, Moscow)!).Should().Be(expectedInMoscow);
        Show(WhenParser.TryParse(text, instant, Vladivostok)!).Should().Be(expectedInVladivostok);
    }

    [Fact]
    public void Same_wall_clock_time_in_two_zones_is_two_different_instants()
    {
        var instant = Utc("2026-11-25T20:59Z");

        var moscow = WhenParser.TryParse("завтра в 15", instant, Moscow)!;
        var vladivostok = WhenParser.TryParse("завтра в 15", instant, Vladivostok)!;

        moscow.Utc.Should().Be(Utc("2026-11-26T12:00Z"));
        vladivostok.Utc.Should().Be(Utc("2026-11-27T05:00Z"));
    }

    [Theory]
    [InlineData("завтра", false)]
    [InlineData("25.12", false)]
    [InlineData("через 3 дня", false)]
    [InlineData("завтра в 15", true)]
    [InlineData("утром", true)]
    [InlineData("через 2 часа", true)]
    public void Only_phrases_naming_a_time_report_having_one(string text, bool hasTime)
    {
        var phrase = WhenParser.TryParse(text, WednesdayMorning, Moscow)!;

        phrase.HasTime.Should().Be(hasTime);
        if (!hasTime)
        {
            phrase.LocalDateTime.TimeOfDay.Should().Be(TimeSpan.Zero);
        }
    }

    [Fact]
    public void Machine_local_now_is_refused_so_the_server_clock_cannot_leak_in()
    {
        var act = () => WhenParser.TryParse("завтра", new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Local), Moscow);

        act.Should().Throw<ArgumentException>();
    }

    private static string Show(WhenPhrase phrase) =>
        phrase.LocalDateTime.ToString(phrase.HasTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime MoscowToUtc(string local) => ToUtc(local, Moscow);

    private static DateTime BerlinToUtc(string local) => ToUtc(local, Berlin);

    private static DateTime ToUtc(string local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), zone);

    private static DateTime Utc(string iso) =>
        DateTime.ParseExact(iso, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

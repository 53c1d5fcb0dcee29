using System.Globalization;
using ChatCrm.Core.Time;

namespace ChatCrm.Core.Tests.Time;

/// <summary>
/// The clock changes used here: Berlin 29 March 2026 02:00 → 03:00 and 25 October 03:00 → 02:00; Santiago
/// 6 September 2026 00:00 → 01:00 (midnight itself is skipped) and 4 April 24:00 → 23:00; Havana 1 November 2026
/// 01:00 → 00:00 (midnight happens twice) and 1 April 2012 00:00 → 01:00 (a month with no midnight on its 1st);
/// Tehran 22 March 2021, a Monday, 00:00 → 01:00; Lord Howe 4 October 2026 02:00 → 02:30 and 5 April 02:00 → 01:30
/// (half-hour changes).
/// </summary>
public sealed class LocalCalendarTests
{
    [Theory]
    [InlineData("Europe/Moscow", "2026-12-03", "2026-12-02 21:00", "2026-12-03 21:00")]
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-28 23:00", "2026-03-29 22:00")] // 23 hours
    [InlineData("Europe/Berlin", "2026-10-25", "2026-10-24 22:00", "2026-10-25 23:00")] // 25 hours
    [InlineData("America/Santiago", "2026-09-06", "2026-09-06 04:00", "2026-09-07 03:00")] // starts at 01:00, when the clock resumes
    [InlineData("America/Santiago", "2026-04-04", "2026-04-04 03:00", "2026-04-05 04:00")] // 23:00–24:00 twice
    [InlineData("America/Havana", "2026-11-01", "2026-11-01 04:00", "2026-11-02 05:00")] // the first of the two midnights
    [InlineData("Australia/Lord_Howe", "2026-10-04", "2026-10-03 13:30", "2026-10-04 13:00")] // 23½ hours
    [InlineData("Australia/Lord_Howe", "2026-04-05", "2026-04-04 13:00", "2026-04-05 13:30")] // 24½ hours
    public void A_day_runs_from_its_first_instant_to_the_next_days(string zone, string date, string fromUtc, string toUtc) =>
        LocalCalendar.Day(Date(date), Zone(zone)).Should().Be((Utc(fromUtc), Utc(toUtc)));

    [Theory]
    [InlineData("Europe/Moscow", "2026-12-03", "2026-11-29 21:00", "2026-12-06 21:00")]
    [InlineData("Europe/Moscow", "2026-12-07", "2026-12-06 21:00", "2026-12-13 21:00")] // a Monday is its own week's start
    [InlineData("Europe/Moscow", "2026-12-06", "2026-11-29 21:00", "2026-12-06 21:00")] // a Sunday ends the week
    [InlineData("Europe/Berlin", "2026-03-25", "2026-03-22 23:00", "2026-03-29 22:00")] // 167 hours
    [InlineData("Europe/Berlin", "2026-10-25", "2026-10-18 22:00", "2026-10-25 23:00")] // 169 hours
    [InlineData("America/Santiago", "2026-09-06", "2026-08-31 04:00", "2026-09-07 03:00")]
    [InlineData("Asia/Tehran", "2021-03-24", "2021-03-21 20:30", "2021-03-28 19:30")] // Monday's midnight skipped: from 01:00
    [InlineData("Australia/Lord_Howe", "2026-10-07", "2026-10-04 13:00", "2026-10-11 13:00")]
    [InlineData("Australia/Lord_Howe", "2026-10-01", "2026-09-27 13:30", "2026-10-04 13:00")]
    public void A_week_runs_monday_to_monday(string zone, string date, string fromUtc, string toUtc) =>
        LocalCalendar.Week(Date(date), Zone(zone)).Should().Be((Utc(fromUtc), Utc(toUtc)));

    [Theory]
    [InlineData("Europe/Moscow", "2026-11-25", "2026-10-31 21:00", "2026-11-30 21:00")]
    [InlineData("Europe/Berlin", "2026-03-15", "2026-02-28 23:00", "2026-03-31 22:00")]
    [InlineData("America/Santiago", "2026-09-30", "2026-09-01 04:00", "2026-10-01 03:00")]
    [InlineData("America/Havana", "2012-04-15", "2012-04-01 05:00", "2012-05-01 04:00")] // the 1st starts at 01:00
    [InlineData("America/Havana", "2012-03-15", "2012-03-01 05:00", "2012-04-01 05:00")] // ends where April starts
    [InlineData("America/Havana", "2026-11-15", "2026-11-01 04:00", "2026-12-01 05:00")] // from the first of two midnights
    [InlineData("Australia/Lord_Howe", "2026-10-31", "2026-09-30 13:30", "2026-10-31 13:00")]
    public void A_month_runs_from_its_first_to_the_next_months_first(string zone, string date, string fromUtc, string toUtc) =>
        LocalCalendar.Month(Date(date), Zone(zone)).Should().Be((Utc(fromUtc), Utc(toUtc)));

    [Theory]
    [InlineData("2026-12-03", "2026-11-30", "2026-12-01")]
    [InlineData("2026-11-30", "2026-11-30", "2026-11-01")]
    [InlineData("2026-11-29", "2026-11-23", "2026-11-01")]
    [InlineData("2027-01-01", "2026-12-28", "2027-01-01")]
    public void The_week_starts_on_monday_and_the_month_on_the_first(string date, string monday, string first)
    {
        LocalCalendar.WeekStart(Date(date)).Should().Be(Date(monday));
        LocalCalendar.MonthStart(Date(date)).Should().Be(Date(first));
    }

    [Theory]
    [InlineData("Europe/Moscow", "2026-12-04", "10:00", "2026-12-04 07:00")]
    [InlineData("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29 01:30")] // inside the gap: the clock shows 03:30
    [InlineData("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25 00:30")] // the first of the two 02:30s
    [InlineData("America/Santiago", "2026-09-06", "00:30", "2026-09-06 04:30")] // the clock shows 01:30
    [InlineData("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03 15:45")] // the clock shows 02:45
    public void A_time_on_a_local_day_fires_when_the_clock_shows_it(string zone, string date, string time, string utc) =>
        LocalCalendar.At(Date(date), TimeOnly.Parse(time, CultureInfo.InvariantCulture), Zone(zone)).Should().Be(Utc(utc));

    [Theory]
    [InlineData("Europe/Moscow", "2026-12-03 20:59", "2026-12-03")]
    [InlineData("Europe/Moscow", "2026-12-03 21:00", "2026-12-04")]
    [InlineData("America/Santiago", "2026-09-06 04:00", "2026-09-06")]
    [InlineData("America/Santiago", "2026-09-06 03:59", "2026-09-05")]
    public void Today_is_the_local_date(string zone, string nowUtc, string today) =>
        LocalCalendar.Today(Utc(nowUtc), Zone(zone)).Should().Be(Date(today));

    [Fact]
    public void Every_day_of_a_year_with_clock_changes_follows_the_one_before()
    {
        foreach (var zone in new[] { "Europe/Berlin", "America/Santiago", "America/Havana", "Australia/Lord_Howe" }.Select(Zone))
        {
            for (var date = new DateOnly(2026, 1, 1); date.Year == 2026; date = date.AddDays(1))
            {
                var (from, to) = LocalCalendar.Day(date, zone);
                LocalCalendar.Day(date.AddDays(1), zone).FromUtc.Should().Be(to, $"{zone.Id} {date} ends where the next day starts");
                (to - from).Should().BeGreaterThanOrEqualTo(TimeSpan.FromHours(23)).And.BeLessThanOrEqualTo(TimeSpan.FromHours(25));
                LocalCalendar.Today(from, zone).Should().Be(date, $"{zone.Id} {date} starts on that date");
            }
        }
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}

using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class ReportPeriodTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2026-11-16")] // Monday
    [InlineData("2026-11-18")]
    [InlineData("2026-11-22")] // Sunday
    public void A_week_runs_from_Monday_to_Sunday(string day)
    {
        var week = ReportPeriod.WeekOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        (week.First, week.Last, week.Days).Should().Be((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), 7));
        week.First.DayOfWeek.Should().Be(DayOfWeek.Monday);
    }

    [Fact]
    public void A_week_may_span_two_years()
    {
        var week = ReportPeriod.WeekOf(new DateOnly(2027, 1, 1));

        (week.First, week.Last).Should().Be((new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)));
    }

    [Fact]
    public void The_last_day_is_inclusive_and_the_exclusive_end_is_the_day_after()
    {
        var november = ReportPeriod.MonthOf(new DateOnly(2026, 11, 18));

        (november.First, november.Last, november.EndExclusive, november.Days)
            .Should().Be((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), 30));
        november.Contains(new DateOnly(2026, 11, 30)).Should().BeTrue();
        november.Contains(new DateOnly(2026, 12, 1)).Should().BeFalse();
        november.Contains(new DateOnly(2026, 10, 31)).Should().BeFalse();
    }

    [Fact]
    public void A_reversed_range_cannot_be_made()
    {
        ReportPeriod.Range(new DateOnly(2026, 12, 31), new DateOnly(2026, 10, 1)).Should().BeNull();
        ReportPeriod.Range(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1))!.Days.Should().Be(1);
    }

    [Fact]
    public void Quarters_and_years_cover_their_calendar_span()
    {
        var q = ReportPeriod.QuarterOf(new DateOnly(2026, 5, 31));
        var y = ReportPeriod.YearOf(new DateOnly(2028, 7, 4));
        var ytd = ReportPeriod.YearToDate(new DateOnly(2026, 11, 18));

        (q.First, q.Last, q.Quarter).Should().Be((new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), 2));
        (y.First, y.Last, y.Days).Should().Be((new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), 366));
        (ytd.First, ytd.Last).Should().Be((new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 18)));
    }

    [Fact]
    public void Months_lists_every_month_the_period_touches()
    {
        var range = ReportPeriod.Range(new DateOnly(2026, 11, 20), new DateOnly(2027, 2, 1))!;

        range.Months().Should().Equal(
            new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1));
        ReportPeriod.Day(new DateOnly(2026, 11, 18)).Months().Should().Equal(new DateOnly(2026, 11, 1));
    }

    [Fact]
    public void In_UTC_the_period_runs_from_local_midnight_to_local_midnight_after_the_last_day()
    {
        var november = ReportPeriod.MonthOf(new DateOnly(2026, 11, 1));

        november.ToUtc(Moscow).Should().Be((
            new DateTime(2026, 10, 31, 21, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 30, 21, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void In_UTC_a_period_across_a_clock_change_keeps_local_midnights()
    {
        // Berlin leaves summer time on 25 October 2026: October starts at UTC+2 and November at UTC+1.
        var october = ReportPeriod.MonthOf(new DateOnly(2026, 10, 1));

        october.ToUtc(Berlin).Should().Be((
            new DateTime(2026, 9, 30, 22, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 10, 31, 23, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Periods_are_values()
    {
        ReportPeriod.MonthOf(new DateOnly(2026, 11, 3)).Should().Be(ReportPeriod.MonthOf(new DateOnly(2026, 11, 30)));
        ReportPeriod.MonthOf(new DateOnly(2026, 11, 3)).Should()
            .NotBe(ReportPeriod.Range(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        ReportPeriod.MonthOf(new DateOnly(2026, 11, 3)).ToString().Should().Be("Month 2026-11-01..2026-11-30");
    }

    [Theory]
    [InlineData("сегодня", Language.Ru, "18 ноября 2026")]
    [InlineData("today", Language.En, "18 Nov 2026")]
    [InlineData("неделя", Language.Ru, "неделя 16–22 ноября 2026")]
    [InlineData("week", Language.En, "week 16–22 Nov 2026")]
    [InlineData("месяц", Language.Ru, "ноябрь 2026")]
    [InlineData("month", Language.En, "November 2026")]
    [InlineData("декабрь", Language.Ru, "декабрь 2025")]
    [InlineData("квартал", Language.Ru, "IV квартал 2026")]
    [InlineData("quarter", Language.En, "Q4 2026")]
    [InlineData("год", Language.Ru, "2026 год")]
    [InlineData("year", Language.En, "2026")]
    [InlineData("ytd", Language.Ru, "1 января – 18 ноября 2026 (с начала года)")]
    [InlineData("ytd", Language.En, "1 Jan – 18 Nov 2026 (year to date)")]
    [InlineData("01.10–31.12", Language.Ru, "1 октября – 31 декабря 2026")]
    [InlineData("01.10–31.12", Language.En, "1 Oct – 31 Dec 2026")]
    [InlineData("01.11-15.11", Language.Ru, "1–15 ноября 2026")]
    [InlineData("01.12–31.01", Language.Ru, "1 декабря 2025 – 31 января 2026")]
    [InlineData("01.12–31.01", Language.En, "1 Dec 2025 – 31 Jan 2026")]
    public void A_period_is_named_in_the_users_language(string text, Language language, string expected)
    {
        var period = PeriodParser.TryParse(text, new DateOnly(2026, 11, 18)).Period!;

        PeriodFormatter.Describe(period, language).Should().Be(expected);
    }

    [Fact]
    public void A_week_across_months_names_both()
    {
        var week = ReportPeriod.WeekOf(new DateOnly(2026, 12, 1));

        PeriodFormatter.Describe(week, Language.Ru).Should().Be("неделя 30 ноября – 6 декабря 2026");
        PeriodFormatter.Describe(ReportPeriod.WeekOf(new DateOnly(2027, 1, 1)), Language.En)
            .Should().Be("week 28 Dec 2026 – 3 Jan 2027");
    }

    [Fact]
    public void Every_month_is_named_in_both_languages()
    {
        var months = Enumerable.Range(1, 12).Select(m => ReportPeriod.MonthOf(new DateOnly(2026, m, 1))).ToList();

        months.Select(m => PeriodFormatter.Describe(m, Language.Ru)).Should().Equal(
            "январь 2026", "февраль 2026", "март 2026", "апрель 2026", "май 2026", "июнь 2026",
            "июль 2026", "август 2026", "сентябрь 2026", "октябрь 2026", "ноябрь 2026", "декабрь 2026");
        months.Select(m => PeriodFormatter.Describe(m, Language.En)).Should().Equal(
            "January 2026", "February 2026", "March 2026", "April 2026", "May 2026", "June 2026",
            "July 2026", "August 2026", "September 2026", "October 2026", "November 2026", "December 2026");
    }
}

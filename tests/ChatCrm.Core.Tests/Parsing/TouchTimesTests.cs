using System.Globalization;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

/// <summary>Thursday 3 December 2026, 12:00 in Moscow.</summary>
public sealed class TouchTimesTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    [Theory]
    [InlineData("пт 15:00", "2026-12-04 12:00")]
    [InlineData("пт", "2026-12-04 07:00")] // no time of day: 10:00
    [InlineData("через 2 часа", "2026-12-03 11:00")]
    public void A_planned_contact_without_a_time_goes_at_ten(string phrase, string utc) =>
        TouchTimes.PlannedUtc(Parse(phrase), Moscow).Should().Be(Utc(utc));

    [Theory]
    [InlineData(null, "2026-12-03 09:00")]
    [InlineData("вчера 16:00", "2026-12-02 13:00")]
    [InlineData("вчера", "2026-12-02 09:00")] // the current time of day on that date
    [InlineData("сегодня", "2026-12-03 09:00")]
    public void A_back_dated_touch_keeps_the_time_of_day_and_is_never_later_than_now(string? phrase, string utc) =>
        TouchTimes.HappenedUtc(phrase is null ? null : Parse(phrase), Now, Moscow).Should().Be(Utc(utc));

    [Theory]
    [InlineData(QuickWhen.Tomorrow, "2026-12-04 07:00")]
    [InlineData(QuickWhen.InThreeDays, "2026-12-06 07:00")]
    [InlineData(QuickWhen.NextWeek, "2026-12-07 07:00")] // next Monday
    public void A_quick_button_plans_for_ten_on_its_day(QuickWhen when, string utc) =>
        TouchTimes.QuickUtc(when, Now, Moscow).Should().Be(Utc(utc));

    [Fact]
    public void Next_week_from_a_monday_is_the_monday_after()
    {
        var monday = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

        TouchTimes.QuickUtc(QuickWhen.NextWeek, monday, Moscow).Should().Be(Utc("2026-12-14 07:00"));
    }

    [Theory]
    [InlineData("ru", true, "завтра, пт 4 декабря, 15:00")]
    [InlineData("en", true, "tomorrow, Fri 4 Dec, 15:00")]
    [InlineData("ru", false, "завтра, пт 4 декабря")]
    public void A_stored_instant_is_echoed_in_the_users_zone_and_language(string language, bool withTime, string text) =>
        WhenFormatter.Describe(Utc("2026-12-04 12:00"), Now, Moscow, language, withTime).Should().Be(text);

    private static WhenPhrase Parse(string phrase) => WhenParser.TryParse(phrase, Now, Moscow)!;

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}

using System.Globalization;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

/// <summary>
/// Issue 9's date rows: back-dating reads into the past, «a/b» by the user's language, parts of the day, and days
/// left in a note. It is Wednesday 2 December 2026, 10:00 in Moscow.
/// </summary>
public sealed class WhenReadingTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly DateTime Now = new(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("25.11", "2026-11-25")]
    [InlineData("28.11", "2026-11-28")]
    [InlineData("30 ноября", "2026-11-30")]
    [InlineData("Nov 30", "2026-11-30")]
    [InlineData("в понедельник", "2026-11-30")]
    [InlineData("пн", "2026-11-30")]
    [InlineData("пт", "2026-11-27")]
    [InlineData("в среду", "2026-12-02")]
    [InlineData("в среду 9:00", "2026-12-02 09:00")]
    [InlineData("в среду 15:00", "2026-11-25 15:00")]
    [InlineData("прошлую среду", "2026-11-25")]
    [InlineData("в прошлый вторник", "2026-11-24")]
    [InlineData("last friday", "2026-11-27")]
    [InlineData("on Monday", "2026-11-30")]
    [InlineData("02.12", "2026-12-02")]
    [InlineData("25.12", "2025-12-25")]
    [InlineData("25.12.2026", "2026-12-25")]
    [InlineData("09:30", "2026-12-02 09:30")]
    [InlineData("15:00", "2026-12-02 15:00")]
    [InlineData("вчера", "2026-12-01")]
    [InlineData("завтра", "2026-12-03")]
    [InlineData("25.11 в 16:00", "2026-11-25 16:00")]
    public void After_at_a_date_without_a_year_is_the_most_recent_one(string text, string expected)
    {
        var phrase = WhenParser.TryParse(text, Now, Moscow, WhenDirection.Past);

        phrase.Should().NotBeNull();
        Show(phrase!).Should().Be(expected);
    }

    [Theory]
    [InlineData("25.11", "2027-11-25")]
    [InlineData("в понедельник", "2026-12-07")]
    [InlineData("09:30", "2026-12-03 09:30")]
    [InlineData("прошлую среду", "2026-11-25")]
    public void Planning_keeps_reading_forward(string text, string expected) =>
        Show(WhenParser.TryParse(text, Now, Moscow)!).Should().Be(expected);

    [Theory]
    [InlineData("12/10", Language.Ru, "2027-10-12")]
    [InlineData("25/12", Language.En, "2026-12-25")]
    [InlineData("12/25", Language.En, "2026-12-25")]
    [InlineData("12/25", Language.Ru, "2026-12-25")]
    [InlineData("10/10", Language.En, "2027-10-10")]
    [InlineData("12.10", Language.En, "2027-10-12")]
    [InlineData("12/10/2026", Language.Ru, "2026-10-12")]
    public void A_slash_date_with_one_sensible_reading_takes_it(string text, Language language, string expected)
    {
        var phrase = WhenParser.TryParse(text, Now, Moscow, language: language);

        Show(phrase!).Should().Be(expected);
        phrase!.Ambiguity.Should().BeNull();
    }

    [Theory]
    [InlineData("12/10 10:00", "12/10", "2026-12-10 10:00", "2027-10-12 10:00")]
    [InlineData("3/4", "3/4", "2027-03-04", "2027-04-03")]
    [InlineData("on 12/10/2026", "12/10/2026", "2026-12-10", "2026-10-12")]
    public void An_english_slash_date_both_ways_possible_carries_both_readings(string text, string written, string monthFirst, string dayFirst)
    {
        var phrase = WhenParser.TryParse(text, Now, Moscow, language: Language.En);

        phrase!.Ambiguity.Should().NotBeNull();
        phrase.Ambiguity!.Written.Should().Be(written);
        Show(phrase.Ambiguity.MonthFirst).Should().Be(monthFirst);
        Show(phrase.Ambiguity.DayFirst).Should().Be(dayFirst);
        DateAmbiguity.Unambiguous(phrase.Ambiguity.DayFirst).Should().Be(DateTime.Parse(dayFirst, CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Thirteen_is_no_month_either_way() => WhenParser.TryParse("13/13", Now, Moscow, language: Language.En).Should().BeNull();

    [Theory]
    [InlineData("в пятницу после обеда", "2026-12-04 14:00")]
    [InlineData("пт после обеда", "2026-12-04 14:00")]
    [InlineData("после обеда", "2026-12-02 14:00")]
    [InlineData("после обеда в 3", "2026-12-02 15:00")]
    [InlineData("в обед", "2026-12-02 13:00")]
    [InlineData("завтра в обед", "2026-12-03 13:00")]
    [InlineData("до обеда", "2026-12-02 11:00")]
    [InlineData("завтра до обеда", "2026-12-03 11:00")]
    [InlineData("к обеду", "2026-12-02 12:00")]
    [InlineData("в пятницу утром", "2026-12-04 09:00")]
    [InlineData("в пятницу с утра", "2026-12-04 09:00")]
    [InlineData("в пятницу вечером", "2026-12-04 18:00")]
    [InlineData("завтра днём", "2026-12-03 13:00")]
    [InlineData("friday in the afternoon", "2026-12-04 14:00")]
    [InlineData("in the afternoon", "2026-12-02 14:00")]
    [InlineData("tomorrow at lunch", "2026-12-03 13:00")]
    [InlineData("Monday after lunch", "2026-12-07 14:00")]
    [InlineData("tomorrow morning", "2026-12-03 09:00")]
    [InlineData("Fri in the evening", "2026-12-04 18:00")]
    public void A_part_of_the_day_after_a_day_is_its_hour(string text, string expected) =>
        Show(WhenParser.TryParse(text, Now, Moscow)!).Should().Be(expected);

    [Theory]
    [InlineData("обсудили 25.12 поставку", "25.12", "2026-12-25")]
    [InlineData("поставка в пятницу, ждут КП", "в пятницу", "2026-12-04")]
    [InlineData("agreed to ship on Dec 20", "on Dec 20", "2026-12-20")]
    public void A_day_left_in_a_note_is_found(string note, string text, string expected)
    {
        var mention = WhenParser.FindDayMention(note, Now, Moscow);

        mention!.Text.Should().Be(text);
        Show(mention.When).Should().Be(expected);
    }

    [Theory]
    [InlineData("обсудили цену")]
    [InlineData("скидка 1.5 процента")]
    [InlineData("вчера отправили КП")]
    [InlineData("сегодня созвон")]
    [InlineData("созвон в 15")]
    [InlineData("Ромашка2025")]
    public void A_note_without_a_coming_day_has_none(string note) =>
        WhenParser.FindDayMention(note, Now, Moscow).Should().BeNull();

    private static string Show(WhenPhrase phrase) => phrase.HasTime
        ? phrase.LocalDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : phrase.LocalDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

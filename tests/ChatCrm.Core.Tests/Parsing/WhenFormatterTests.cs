using System.Globalization;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class WhenFormatterTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Vladivostok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Vladivostok");

    // Wednesday 25 November 2026, 10:00 in Moscow.
    private static readonly DateTime WednesdayMorning = new(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("завтра в 15", "ru", "завтра, чт 26 ноября, 15:00")]
    [InlineData("завтра в 15", "en", "tomorrow, Thu 26 Nov, 15:00")]
    [InlineData("завтра", "ru", "завтра, чт 26 ноября")]
    [InlineData("сегодня в 18:30", "ru", "сегодня, ср 25 ноября, 18:30")]
    [InlineData("today 6:30pm", "en", "today, Wed 25 Nov, 18:30")]
    [InlineData("вчера", "ru", "вчера, вт 24 ноября")]
    [InlineData("yesterday", "en", "yesterday, Tue 24 Nov")]
    [InlineData("пт", "ru", "пт, 27 ноября")]
    [InlineData("fri", "en", "Fri, 27 Nov")]
    [InlineData("25.12 в 11", "ru", "пт, 25 декабря, 11:00")]
    [InlineData("25.12 в 11", "en", "Fri, 25 Dec, 11:00")]
    [InlineData("3 марта", "ru", "ср, 3 марта 2027")]
    [InlineData("1 января", "ru", "пт, 1 января 2027")]
    [InlineData("1 января", "en", "Fri, 1 Jan 2027")]
    [InlineData("1.05.2025 9:00", "ru", "чт, 1 мая 2025, 09:00")]
    [InlineData("через 2 часа", "ru", "сегодня, ср 25 ноября, 12:00")]
    public void Parsed_phrase_is_echoed_in_the_users_language(string text, string language, string expected)
    {
        var when = WhenParser.TryParse(text, WednesdayMorning, Moscow)!;

        WhenFormatter.Describe(when, WednesdayMorning, Moscow, language).Should().Be(expected);
    }

    [Fact]
    public void Every_month_is_written_in_the_genitive_in_Russian()
    {
        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var when = WhenParser.TryParse($"15.{month:00}.2026", WednesdayMorning, Moscow)!;
            return WhenFormatter.Describe(when, WednesdayMorning, Moscow, "ru").Split(' ')[2];
        });

        months.Should().Equal(
            "января", "февраля", "марта", "апреля", "мая", "июня",
            "июля", "августа", "сентября", "октября", "ноября", "декабря");
    }

    [Fact]
    public void Tomorrow_on_New_Years_Eve_shows_the_new_year()
    {
        var newYearsEve = new DateTime(2026, 12, 31, 9, 0, 0, DateTimeKind.Utc);
        var when = WhenParser.TryParse("завтра в 10", newYearsEve, Moscow)!;

        WhenFormatter.Describe(when, newYearsEve, Moscow, "ru").Should().Be("завтра, пт 1 января 2027, 10:00");
    }

    [Fact]
    public void Today_and_tomorrow_are_judged_by_the_users_own_calendar()
    {
        var instant = new DateTime(2026, 11, 25, 20, 59, 0, DateTimeKind.Utc); // 23:59 Moscow, 06:59 Thu Vladivostok
        var thursday = WhenParser.TryParse("26.11 в 15", instant, Moscow)!;

        WhenFormatter.Describe(thursday, instant, Moscow, "ru").Should().Be("завтра, чт 26 ноября, 15:00");
        WhenFormatter.Describe(thursday, instant, Vladivostok, "ru").Should().Be("сегодня, чт 26 ноября, 15:00");
    }

    [Fact]
    public void Unknown_language_falls_back_to_English()
    {
        var when = WhenParser.TryParse("fri", WednesdayMorning, Moscow)!;

        WhenFormatter.Describe(when, WednesdayMorning, Moscow, "de").Should().Be("Fri, 27 Nov");
    }

    [Fact]
    public void Echo_of_a_phrase_parses_back_to_the_same_moment()
    {
        var original = WhenParser.TryParse("в пятницу в 15", WednesdayMorning, Moscow)!;
        var echo = WhenFormatter.Describe(original, WednesdayMorning, Moscow, "ru");

        var reparsed = WhenParser.TryParse(echo, WednesdayMorning, Moscow);

        reparsed.Should().NotBeNull();
        reparsed!.LocalDateTime.ToString("g", CultureInfo.InvariantCulture)
            .Should().Be(original.LocalDateTime.ToString("g", CultureInfo.InvariantCulture));
    }
}

using System.Globalization;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

/// <summary>Today is Wednesday 25 November 2026.</summary>
public sealed class MonthWordsTests
{
    private static readonly DateTime Today = new(2026, 11, 25);

    [Theory]
    [InlineData("Иван 500000 декабрь", "2026-12", "Иван 500000")]
    [InlineData("Иван 500000 в декабре", "2026-12", "Иван 500000")]
    [InlineData("Иван 500000 на декабрь", "2026-12", "Иван 500000")]
    [InlineData("Иван 500000 дек.", "2026-12", "Иван 500000")]
    [InlineData("Ivan 500000 for December", "2026-12", "Ivan 500000")]
    [InlineData("Ivan 500000 Dec 2027", "2027-12", "Ivan 500000")]
    [InlineData("Иван 500000 январь", "2027-01", "Иван 500000")] // the nearest January from now on
    [InlineData("Иван 500000 в феврале", "2027-02", "Иван 500000")]
    [InlineData("Иван 500000 февр", "2027-02", "Иван 500000")]
    [InlineData("Иван 500000 ноябрь", "2026-11", "Иван 500000")] // this month is still "from now on"
    [InlineData("Иван 500000 октябрь", "2027-10", "Иван 500000")]
    [InlineData("Иван 500000 12.2026", "2026-12", "Иван 500000")]
    [InlineData("Иван 500000 2027-03", "2027-03", "Иван 500000")]
    [InlineData("Иван 500000 следующий месяц", "2026-12", "Иван 500000")]
    [InlineData("Ivan 500000 next month", "2026-12", "Ivan 500000")]
    [InlineData("Иван 500000 этот месяц", "2026-11", "Иван 500000")]
    public void A_month_at_the_end_is_taken_off(string text, string month, string remainder)
    {
        var (actual, rest) = MonthWords.TakeFromEnd(text, Today);

        actual.Should().Be(DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture));
        rest.Should().Be(remainder);
    }

    [Theory]
    [InlineData("Иван 500000")]
    [InlineData("Иван 500000 13.2026")]
    [InlineData("Иван 500000 декабрь 1999")]
    [InlineData("Иван 500000 вдекабре")]
    public void Without_a_month_the_text_stays_whole(string text) =>
        MonthWords.TakeFromEnd(text, Today).Should().Be(((DateTime?)null, text));

    [Fact]
    public void Every_month_is_named_in_both_languages_and_in_every_form()
    {
        string[][] names =
        [
            ["январь", "января", "январе", "янв", "jan", "january"],
            ["февраль", "февраля", "феврале", "фев", "февр", "feb", "february"],
            ["март", "марта", "марте", "мар", "mar", "march"],
            ["апрель", "апреля", "апреле", "апр", "apr", "april"],
            ["май", "мая", "мае", "may"],
            ["июнь", "июня", "июне", "июн", "jun", "june"],
            ["июль", "июля", "июле", "июл", "jul", "july"],
            ["август", "августа", "августе", "авг", "aug", "august"],
            ["сентябрь", "сентября", "сентябре", "сен", "сент", "sep", "sept", "september"],
            ["октябрь", "октября", "октябре", "окт", "oct", "october"],
            ["ноябрь", "ноября", "ноябре", "ноя", "нояб", "nov", "november"],
            ["декабрь", "декабря", "декабре", "дек", "dec", "december"],
        ];
        for (var month = 1; month <= names.Length; month++)
        {
            foreach (var word in names[month - 1])
            {
                MonthWords.TakeFromEnd($"500000 {word} 2027", Today).Month.Should().Be(new DateTime(2027, month, 1), word);
            }
        }
    }

    [Fact]
    public void The_prepositional_form_names_a_month_but_not_a_day_in_a_date()
    {
        var now = new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

        WhenParser.TryParsePrefix("5 декабря", now, moscow)!.LocalDateTime.Should().Be(new DateTime(2026, 12, 5));
        WhenParser.TryParsePrefix("декабре 5 звонков", now, moscow).Should().BeNull();
    }
}

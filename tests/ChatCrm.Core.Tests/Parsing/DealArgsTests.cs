using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class DealArgsTests
{
    // Wednesday 25 November 2026, 12:00 in Moscow.
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    [Theory]
    [InlineData("due пт", "", 27)]
    [InlineData("срок пятница", "", 27)]
    [InlineData("DUE 30.11 по договору", "по договору", 30)]
    [InlineData("по договору срок завтра", "по договору", 26)]
    public void A_due_date_is_read_after_its_keyword_in_either_language(string text, string rest, int day)
    {
        var read = DealArgs.ReadDate(text, DealArgs.DueWords, Now, Moscow);

        read.When.Should().NotBeNull();
        read.When!.LocalDateTime.Day.Should().Be(day);
        read.Rest.Should().Be(rest);
        read.Unreadable.Should().BeNull();
    }

    [Theory]
    [InlineData("at yesterday", 24)]
    [InlineData("дата вчера", 24)]
    [InlineData("станки доставлены дата вчера", 24)]
    public void A_past_date_follows_at_or_дата(string text, int day)
    {
        var read = DealArgs.ReadDate(text, DealArgs.AtWords, Now, Moscow);

        read.When!.LocalDateTime.Day.Should().Be(day);
    }

    [Theory]
    [InlineData("обсудили дату поставки")]
    [InlineData("станки доставлены")]
    [InlineData("")]
    public void Words_that_only_look_like_keywords_are_not_keywords(string text)
    {
        var read = DealArgs.ReadDate(text, DealArgs.AtWords, Now, Moscow);

        read.When.Should().BeNull();
        read.Unreadable.Should().BeNull();
        read.Rest.Should().Be(text);
    }

    [Fact]
    public void A_keyword_without_a_date_reports_what_followed_it()
    {
        var read = DealArgs.ReadDate("срок когда-нибудь потом", DealArgs.DueWords, Now, Moscow);

        read.When.Should().BeNull();
        read.Unreadable.Should().Be("когда-нибудь потом");
    }

    [Theory]
    [InlineData("поставка станков cycle Тендеры", "поставка станков", "Тендеры")]
    [InlineData("цикл Тендеры", "", "Тендеры")]
    [InlineData("ЦИКЛ Крупные клиенты", "", "Крупные клиенты")]
    public void The_cycle_keyword_splits_a_title_from_the_cycle_name(string text, string before, string after)
    {
        DealArgs.SplitAt(text, DealArgs.CycleWords).Should().Be((before, after));
    }

    [Fact]
    public void A_title_about_cycles_has_no_keyword()
    {
        DealArgs.SplitAt("циклы лекций", DealArgs.CycleWords).Should().BeNull();
    }
}

using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class DealTextTests
{
    [Theory]
    [InlineData("150 т.р. станки", 150_000, "станки")]
    [InlineData("1 млн 200 тыс станки", 1_200_000, "станки")]
    [InlineData("станки 150к", 150_000, "станки")]
    [InlineData("станки на 150к", 150_000, "станки")]
    [InlineData("machine tools for 150k", 150_000, "machine tools")]
    [InlineData("полтора миллиона линия", 1_500_000, "линия")]
    public void Amount_before_or_after_the_title_is_read(string text, decimal amount, string title)
    {
        DealText.Read(text).Should().Be(new DealTextReading(amount, title, null));
    }

    [Fact]
    public void A_bare_number_after_millions_is_asked_about_with_the_spoken_reading_first()
    {
        var doubt = DealText.Read("1 млн 200 станки").Doubt!;

        doubt.Fragment.Should().Be("1 млн 200");
        doubt.Options.Should().Equal(new AmountReading(1_200_000, "станки"), new AmountReading(1_000_000, "200 станки"));
    }

    [Fact]
    public void A_small_bare_number_is_asked_about_with_thousands_offered()
    {
        DealText.Read("150 станки").Doubt!.Options.Should().Equal(new AmountReading(150, "станки"), new AmountReading(150_000, "станки"));
    }

    [Fact]
    public void Money_inside_the_title_is_asked_about_not_kept_silently()
    {
        var doubt = DealText.Read("100к станки 200 тыс монтаж").Doubt!;

        doubt.Fragment.Should().Be("200 тыс");
        doubt.Options.Should().Equal(new AmountReading(100_000, "станки 200 тыс монтаж"));
    }

    [Fact]
    public void Money_in_the_middle_is_offered_as_the_amount()
    {
        var doubt = DealText.Read("станки 150к доставка").Doubt!;

        doubt.Options.Should().Equal(new AmountReading(150_000, "станки доставка"));
    }

    [Theory]
    [InlineData("станки")]
    [InlineData("поставка 3 станков")]
    public void Words_without_money_have_no_amount(string text)
    {
        DealText.Read(text).Should().Be(new DealTextReading(null, text, null));
    }
}

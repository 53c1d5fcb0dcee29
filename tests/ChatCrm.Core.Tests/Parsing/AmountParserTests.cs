using System.Globalization;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class AmountParserTests
{
    [Theory]
    [InlineData("150000", "150000")]
    [InlineData("150 000", "150000")]
    [InlineData("150\u00A0000", "150000")]
    [InlineData("150\u202F000", "150000")]
    [InlineData("150\u2009000", "150000")]
    [InlineData("1 500 000", "1500000")]
    [InlineData("150к", "150000")]
    [InlineData("150 к", "150000")]
    [InlineData("150k", "150000")]
    [InlineData("150K", "150000")]
    [InlineData("150 тыс", "150000")]
    [InlineData("150 тыс.", "150000")]
    [InlineData("150 тысяч", "150000")]
    [InlineData("1,5 млн", "1500000")]
    [InlineData("1.5m", "1500000")]
    [InlineData("1.5M", "1500000")]
    [InlineData("2 млрд", "2000000000")]
    [InlineData("1,25 млн", "1250000")]
    [InlineData("0,5 млн", "500000")]
    [InlineData("150000₽", "150000")]
    [InlineData("150 000 ₽", "150000")]
    [InlineData("150к₽", "150000")]
    [InlineData("150000 руб", "150000")]
    [InlineData("150000 руб.", "150000")]
    [InlineData("150000 р", "150000")]
    [InlineData("150000 рублей", "150000")]
    [InlineData("150000 rub", "150000")]
    [InlineData("150 тыс. руб.", "150000")]
    [InlineData("150 тыс.руб", "150000")]
    [InlineData("1 500,50", "1500.50")]
    [InlineData("1500.50", "1500.50")]
    [InlineData("1500,5", "1500.5")]
    [InlineData("1,5", "1.5")]
    [InlineData("1,500", "1500")]
    [InlineData("1.500", "1500")]
    [InlineData("1,500,000", "1500000")]
    [InlineData("1.500.000", "1500000")]
    [InlineData("1,500.50", "1500.50")]
    [InlineData("1.500,50", "1500.50")]
    [InlineData("1,500 млн", "1500000")]
    [InlineData("1,5555к", "1555.5")]
    [InlineData("0.01", "0.01")]
    [InlineData("1000000000000", "1000000000000")]
    [InlineData("  150к  ", "150000")]
    [InlineData("150к.", "150000")]
    public void Amount_typed_in_any_common_way_is_read_in_rubles(string text, string expected)
    {
        AmountParser.TryParse(text).Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("сто")]
    [InlineData("0")]
    [InlineData("0 ₽")]
    [InlineData("0,00")]
    [InlineData("-150")]
    [InlineData("- 150")]
    [InlineData("−150")]
    [InlineData("$100")]
    [InlineData("100$")]
    [InlineData("100 €")]
    [InlineData("100 usd")]
    [InlineData("100 евро")]
    [InlineData("150000.999")]
    [InlineData("1,2345")]
    [InlineData("1000000000001")]
    [InlineData("2000 млрд")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("150км")]
    [InlineData("15%")]
    [InlineData("15:00")]
    [InlineData("100-200")]
    [InlineData("1500,000")]
    [InlineData("1,234,5")]
    [InlineData("1,500 000")]
    [InlineData("150к поставка")]
    public void Text_that_is_not_a_positive_ruble_amount_is_refused(string text)
    {
        AmountParser.TryParse(text).Should().BeNull();
    }

    [Theory]
    [InlineData("150к поставка станков", "150000", "150к")]
    [InlineData("150 000 ₽ поставка", "150000", "150 000 ₽")]
    [InlineData("1,5 млн руб. монтаж", "1500000", "1,5 млн руб.")]
    [InlineData("150000 3 станка", "150000", "150000")]
    [InlineData("150 кг гвоздей", "150", "150")]
    [InlineData("  2 млрд, сделка года", "2000000000", "  2 млрд")]
    [InlineData("1500.50 аванс", "1500.50", "1500.50")]
    public void Prefix_takes_the_amount_and_leaves_the_title(string text, string expected, string taken)
    {
        var amount = AmountParser.TryParsePrefix(text);

        amount.Should().NotBeNull();
        amount!.Value.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
        text[..amount.Length].Should().Be(taken);
    }

    [Theory]
    [InlineData("поставка 150к")]
    [InlineData("150км трассы")]
    [InlineData("-5к штраф")]
    public void Prefix_is_null_when_the_text_does_not_start_with_an_amount(string text)
    {
        AmountParser.TryParsePrefix(text).Should().BeNull();
    }
    [Theory]
    [InlineData("150 т.р.", "150000")]
    [InlineData("150 т.р", "150000")]
    [InlineData("150т.р.", "150000")]
    [InlineData("150 т. р.", "150000")]
    [InlineData("150тр", "150000")]
    [InlineData("150 тр", "150000")]
    [InlineData("150 ТР", "150000")]
    [InlineData("150 т.руб.", "150000")]
    [InlineData("150 тыс. руб", "150000")]
    [InlineData("150 тыс.р.", "150000")]
    [InlineData("2,5кк", "2500000")]
    [InlineData("2кк", "2000000")]
    [InlineData("2 кк", "2000000")]
    [InlineData("3kk", "3000000")]
    [InlineData("1,2 млрд", "1200000000")]
    [InlineData("2 миллиарда", "2000000000")]
    [InlineData("1 млн 200 тыс", "1200000")]
    [InlineData("1 млн. 200 тыс.", "1200000")]
    [InlineData("1млн 200к", "1200000")]
    [InlineData("2 млрд 300 млн", "2300000000")]
    [InlineData("1 млн 200 тыс 300 руб", "1200300")]
    [InlineData("полтора миллиона", "1500000")]
    [InlineData("Полтора миллиона рублей", "1500000")]
    [InlineData("полторы тысячи", "1500")]
    [InlineData("полмиллиона", "500000")]
    [InlineData("пол миллиона", "500000")]
    [InlineData("двести тысяч", "200000")]
    [InlineData("двести тыс", "200000")]
    [InlineData("сто пятьдесят тысяч", "150000")]
    [InlineData("сто пятьдесят тысяч рублей", "150000")]
    [InlineData("двадцать пять тысяч", "25000")]
    [InlineData("два с половиной миллиона", "2500000")]
    [InlineData("три миллиона", "3000000")]
    [InlineData("миллион рублей", "1000000")]
    [InlineData("миллион двести тысяч", "1200000")]
    [InlineData("один миллион двести тысяч", "1200000")]
    [InlineData("сто рублей", "100")]
    [InlineData("2 тысячи", "2000")]
    [InlineData("5 миллионов", "5000000")]
    [InlineData("two hundred k", "200000")]
    [InlineData("two hundred thousand", "200000")]
    [InlineData("one hundred and fifty thousand", "150000")]
    [InlineData("twenty-five thousand", "25000")]
    [InlineData("one and a half million", "1500000")]
    [InlineData("half a million", "500000")]
    [InlineData("a million", "1000000")]
    [InlineData("1.5 million", "1500000")]
    [InlineData("2 million", "2000000")]
    [InlineData("1 million 200 thousand", "1200000")]
    public void Money_words_compounds_and_spelled_numbers_are_read(string text, string expected)
    {
        AmountParser.TryParse(text).Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("двести")]
    [InlineData("пятьдесят штук")]
    [InlineData("one hundred")]
    [InlineData("1 млн 200")]
    [InlineData("200 тыс 1 млн")]
    [InlineData("150 трактор")]
    [InlineData("пол")]
    [InlineData("миллион")]
    [InlineData("Тысяча")]
    [InlineData("полка")]
    [InlineData("двести долларов")]
    [InlineData("two hundred k usd")]
    public void Number_words_without_a_scale_or_out_of_order_are_not_an_amount(string text)
    {
        AmountParser.TryParse(text).Should().BeNull();
    }

    [Theory]
    [InlineData("1 млн 200 станки", "1000000", "1 млн", "1000000")]
    [InlineData("150 т.р. станки", "150000", "150 т.р.", "1000")]
    [InlineData("полтора миллиона на станки", "1500000", "полтора миллиона", "1000000")]
    [InlineData("150 кг гвоздей", "150", "150", "1")]
    public void Prefix_tells_the_scale_it_ended_on(string text, string expected, string taken, string scale)
    {
        var amount = AmountParser.TryParsePrefix(text)!;

        amount.Value.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
        text[..amount.Length].Should().Be(taken);
        amount.LastScale.Should().Be(decimal.Parse(scale, CultureInfo.InvariantCulture));
    }
}

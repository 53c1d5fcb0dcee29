using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class DealNumberParserTests
{
    [Theory]
    [InlineData("42", 42, 2)]
    [InlineData("#42", 42, 3)]
    [InlineData("№42", 42, 3)]
    [InlineData("№ 42", 42, 4)]
    [InlineData("# 7", 7, 3)]
    [InlineData("  #42", 42, 5)]
    [InlineData("42 переговоры", 42, 2)]
    [InlineData("#42, оплатили", 42, 3)]
    [InlineData("1", 1, 1)]
    [InlineData("2147483647", int.MaxValue, 10)]
    public void Deal_number_is_read_with_or_without_a_sign(string text, int expected, int expectedLength)
    {
        DealNumberParser.TryParsePrefix(text, out var length).Should().Be(expected);
        length.Should().Be(expectedLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("№")]
    [InlineData("##42")]
    [InlineData("0")]
    [InlineData("#0")]
    [InlineData("-3")]
    [InlineData("42abc")]
    [InlineData("42.5")]
    [InlineData("42%")]
    [InlineData("2147483648")]
    [InlineData("Ромашка 42")]
    public void Anything_but_a_positive_whole_number_is_not_a_deal_number(string text)
    {
        DealNumberParser.TryParsePrefix(text, out var length).Should().BeNull();
        length.Should().Be(0);
    }

    [Theory]
    [InlineData("2147483648", "2147483648")]
    [InlineData("#99999999999999999999999 2", "99999999999999999999999")]
    [InlineData(" № 99999999999999999999999", "99999999999999999999999")]
    public void A_number_too_large_for_any_deal_is_told_apart_so_it_can_be_answered_as_not_found(string text, string digits)
    {
        DealNumberParser.OutOfRangePrefix(text).Should().Be(digits);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("99999999999999999999abc")]
    [InlineData("Ромашка")]
    [InlineData("")]
    public void A_number_in_range_or_no_number_is_not_out_of_range(string text)
    {
        DealNumberParser.OutOfRangePrefix(text).Should().BeNull();
    }
}

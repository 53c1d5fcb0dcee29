using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

public class PhonesTests
{
    [Theory]
    [InlineData("8 900 123-45-67")]
    [InlineData("+7 (900) 123-45-67")]
    [InlineData("+79001234567")]
    [InlineData("89001234567")]
    [InlineData("9001234567")]
    [InlineData("  7 900 123 45 67 ")]
    [InlineData("8-900-123-45-67")]
    public void Every_usual_notation_of_a_russian_mobile_is_one_number(string input)
    {
        Phones.Normalise(input).Should().Be("+79001234567");
    }

    [Theory]
    [InlineData("8 (495) 123-45-67", "+74951234567")]
    [InlineData("+375 29 123-45-67", "+375291234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Landlines_and_foreign_numbers_keep_their_country(string input, string e164)
    {
        Phones.Normalise(input).Should().Be(e164);
    }

    [Fact]
    public void A_number_without_a_country_code_is_read_in_the_default_region()
    {
        Phones.Normalise("020 7946 0958", "GB").Should().Be("+442079460958");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("123")]
    [InlineData("8 900 123")]
    [InlineData("+7 900 123-45-67-89-00")]
    [InlineData("завтра")]
    [InlineData("info@romashka.ru")]
    public void What_is_not_a_valid_number_gives_null(string? input)
    {
        Phones.Normalise(input).Should().BeNull();
    }

    [Fact]
    public void Display_groups_the_digits_for_reading()
    {
        Phones.Display("+79001234567").Should().Be("+7 900 123-45-67");
    }
}

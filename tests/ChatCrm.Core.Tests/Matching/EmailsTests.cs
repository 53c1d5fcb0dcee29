using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

public class EmailsTests
{
    [Theory]
    [InlineData("a@b.ru", "a@b.ru")]
    [InlineData("  Info@Romashka.RU ", "info@romashka.ru")]
    [InlineData("ivan.petrov+crm@mail.co.uk", "ivan.petrov+crm@mail.co.uk")]
    public void An_address_is_trimmed_and_lower_cased(string input, string expected)
    {
        Emails.Normalise(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("info")]
    [InlineData("info@")]
    [InlineData("@romashka.ru")]
    [InlineData("info@romashka")]
    [InlineData("info @romashka.ru")]
    [InlineData("Иван <ivan@romashka.ru>")]
    [InlineData("a@b.ru, c@d.ru")]
    public void What_is_not_a_plain_address_gives_null(string? input)
    {
        Emails.Normalise(input).Should().BeNull();
    }
}

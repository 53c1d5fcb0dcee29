using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public sealed class ClientInputTests
{
    [Theory]
    [InlineData("ООО Ромашка, 8 900 123-45-67, info@romashka.ru, #retail", "ООО Ромашка", "8 900 123-45-67", "info@romashka.ru", "retail")]
    [InlineData("Ромашка", "Ромашка", "", "", null)]
    [InlineData("Ромашка, ООО", "Ромашка, ООО", "", "", null)]
    [InlineData("Ромашка +79001234567 #retail", "Ромашка", "+79001234567", "", "retail")]
    [InlineData("Ромашка 8 900 123-45-67", "Ромашка", "8 900 123-45-67", "", null)]
    [InlineData("Завод 1905 8 900 123-45-67", "Завод 1905", "8 900 123-45-67", "", null)]
    [InlineData("Ромашка info@romashka.ru", "Ромашка", "", "info@romashka.ru", null)]
    [InlineData("Ромашка, a@romashka.ru, b@romashka.ru", "Ромашка", "", "a@romashka.ru|b@romashka.ru", null)]
    [InlineData("Ромашка, #розница ", "Ромашка", "", "", "розница")]
    [InlineData("Ромашка, #0", "Ромашка", "", "", "0")]
    [InlineData("Ромашка, 8 900 123-45-67, Иван", "Ромашка", "8 900 123-45-67|Иван", "", null)] // after the contacts: refused later by name
    public void Parts_after_the_name_are_phones_emails_or_a_segment(string text, string name, string phones, string emails, string? segment)
    {
        var input = ClientInput.Parse(text);

        input.Name.Should().Be(name);
        input.Phones.Should().Equal(Split(phones));
        input.Emails.Should().Equal(Split(emails));
        input.Segment.Should().Be(segment);
    }

    [Fact]
    public void The_canonical_form_reads_back_the_same()
    {
        var input = ClientInput.Parse("Ромашка +79001234567 info@romashka.ru #retail");

        var text = input.Format("s12");

        text.Should().Be("Ромашка, +79001234567, info@romashka.ru, #s12");
        ClientInput.Parse(text).Should().BeEquivalentTo(input with { Segment = "s12" });
        input.Format(null).Should().Be("Ромашка, +79001234567, info@romashka.ru");
    }

    private static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('|');
}

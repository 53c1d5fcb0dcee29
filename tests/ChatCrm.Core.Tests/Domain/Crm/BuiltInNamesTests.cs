using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class BuiltInNamesTests
{
    [Theory]
    [InlineData("Предложение", "Proposal")]
    [InlineData("Первый контакт", "first contact")]
    [InlineData("Цена", "PRICE")]
    [InlineData("Price", "цена")]
    [InlineData("Звонок", "Call")]
    [InlineData("Продажи", "Sales")]
    public void A_built_in_answers_to_its_name_in_either_language(string stored, string typed)
    {
        BuiltInNames.Matches(stored, typed).Should().BeTrue();
    }

    [Fact]
    public void A_built_in_is_shown_in_the_readers_language_and_an_admins_name_as_typed()
    {
        BuiltInNames.Show("Предложение", Language.En).Should().Be("Proposal");
        BuiltInNames.Show("Proposal", Language.Ru).Should().Be("Предложение");
        BuiltInNames.Show("Предложение", Language.Ru).Should().Be("Предложение");
        BuiltInNames.Show("Подача заявки", Language.En).Should().Be("Подача заявки");
        BuiltInNames.Matches("Подача заявки", "Proposal").Should().BeFalse();
        BuiltInNames.Matches("Предложение клиенту", "Proposal").Should().BeFalse("a renamed built-in is an admin's name");
    }
}

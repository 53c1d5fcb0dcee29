using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class ContactPersonTests
{
    [Fact]
    public void Create_normalises_phone_and_email()
    {
        var person = ContactPerson.Create(7, "Анна Петрова", "8 (900) 123-45-67", "Anna@Romashka.ru", "закупщик");

        (person.ClientId, person.Name).Should().Be((7L, "Анна Петрова"));
        person.Phone.Should().Be("+79001234567");
        person.Email.Should().Be("anna@romashka.ru");
        person.Position.Should().Be("закупщик");
    }

    [Fact]
    public void Blank_contacts_are_stored_as_absent()
    {
        var person = ContactPerson.Create(7, "Анна", " ", "", null);

        (person.Phone, person.Email, person.Position).Should().Be(((string?)null, (string?)null, (string?)null));
    }

    [Fact]
    public void An_invalid_phone_is_refused()
    {
        var create = () => ContactPerson.Create(7, "Анна", "123");

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidPhone);
    }

    [Fact]
    public void An_invalid_email_is_refused()
    {
        var create = () => ContactPerson.Create(7, "Анна", email: "anna at romashka.ru");

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidEmail);
    }
}

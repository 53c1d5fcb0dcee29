using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

public class DuplicateCheckTests
{
    private static readonly ExistingClient[] Existing =
    [
        new(1, "ООО «Ромашка»", "+79001234567", "info@romashka.ru"),
        new(2, "Василёк", "+74951234567;+79160000000", ""),
        new(3, "Альфа", "", "hello@alfa.ru"),
    ];

    [Fact]
    public void The_same_phone_in_another_notation_is_a_duplicate()
    {
        var found = DuplicateCheck.Find("Новый клиент", ["8 (916) 000-00-00"], [], Existing);

        found.Should().ContainSingle().Which.Should().Be(new Duplicate(2, "Василёк", DuplicateReason.Phone, found[0].NameScore));
    }

    [Fact]
    public void The_same_email_in_another_case_is_a_duplicate()
    {
        var found = DuplicateCheck.Find("Другое имя", [], ["HELLO@Alfa.ru"], Existing);

        found.Select(d => (d.Id, d.Reason)).Should().Equal((3L, DuplicateReason.Email));
    }

    [Theory]
    [InlineData("Ромашка")]
    [InlineData("ромашка, ООО")]
    [InlineData("Ромашкка")]
    [InlineData("Васильёк")]
    public void A_near_identical_name_is_a_duplicate(string name)
    {
        var found = DuplicateCheck.Find(name, [], [], Existing);

        found.Should().ContainSingle().Which.Reason.Should().Be(DuplicateReason.Name);
        found[0].NameScore.Should().BeGreaterThanOrEqualTo(DuplicateCheck.NameThreshold);
    }

    [Theory]
    [InlineData("Ромашкa")] // Latin «a»
    [InlineData("PОМАШКА")] // Latin «P»
    [InlineData("«Ромашка» LLC")]
    [InlineData("Рома-шка")]
    public void A_name_that_only_looks_different_is_a_duplicate(string name)
    {
        DuplicateCheck.Find(name, [], [], Existing).Select(d => (d.Id, d.Reason)).Should().Equal((1L, DuplicateReason.Name));
    }

    [Theory]
    [InlineData("Альта")]
    [InlineData("Ромашка Плюс")]
    [InlineData("Одуванчик")]
    public void A_merely_similar_name_is_not_a_duplicate(string name)
    {
        DuplicateCheck.Find(name, [], [], Existing).Should().BeEmpty();
    }

    [Fact]
    public void Every_reason_that_applies_is_reported()
    {
        var found = DuplicateCheck.Find("Ромашка", ["+7 900 123 45 67"], ["info@romashka.ru"], Existing);

        found.Should().ContainSingle().Which.Reason.Should()
            .Be(DuplicateReason.Name | DuplicateReason.Phone | DuplicateReason.Email);
    }

    [Fact]
    public void Contact_matches_come_before_name_matches()
    {
        var found = DuplicateCheck.Find("Василек", ["+79001234567"], [], Existing);

        found.Select(d => d.Id).Should().Equal(1, 2);
    }

    [Fact]
    public void Invalid_phones_and_emails_are_ignored_rather_than_matching_anything()
    {
        DuplicateCheck.Find("Новый", ["123", ""], ["not-an-email", ""], Existing).Should().BeEmpty();
    }

    [Fact]
    public void A_client_entity_can_be_checked_as_it_is_stored()
    {
        var client = Client.Create("Бета", 1, DateTime.UnixEpoch);
        client.AddPhone("8 900 555-55-55");

        var found = DuplicateCheck.Find("Гамма", ["+79005555555"], [], [ExistingClient.From(client)]);

        found.Should().ContainSingle().Which.Reason.Should().Be(DuplicateReason.Phone);
    }
}

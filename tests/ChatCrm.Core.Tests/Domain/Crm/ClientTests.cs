using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class ClientTests
{
    [Fact]
    public void Create_tidies_the_name_and_keeps_a_search_key()
    {
        var client = Client.Create("  ООО  «Ромашка» ", 3, T0);

        client.Name.Should().Be("ООО «Ромашка»");
        client.NameKey.Should().Be("ромашка");
        client.OwnerUserId.Should().BeNull("a new client without an owner is in the unassigned pool");
        (client.CreatedByUserId, client.CreatedAt).Should().Be((3L, T0));
    }

    [Fact]
    public void A_name_of_200_characters_is_accepted_and_201_refused()
    {
        Client.Create(new string('р', 200), 1, T0).Name.Should().HaveLength(200);

        var create = () => Client.Create(new string('р', 201), 1, T0);

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameTooLong);
    }

    [Fact]
    public void Create_refuses_an_empty_name()
    {
        var create = () => Client.Create("  ", 1, T0);

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameEmpty);
    }

    [Fact]
    public void Rename_updates_the_search_key()
    {
        var client = AClient();

        client.Rename("Василёк");

        client.NameKey.Should().Be("василек");
    }

    [Fact]
    public void Phones_in_different_notations_are_stored_once_in_E164()
    {
        var client = AClient();

        client.AddPhone("8 900 123-45-67").Should().BeTrue();
        client.AddPhone("+7 (900) 123-45-67").Should().BeFalse();
        client.AddPhone("+7 495 123-45-67").Should().BeTrue();

        client.Phones.Should().Be("+79001234567;+74951234567");
        client.PhoneNumbers.Should().Equal("+79001234567", "+74951234567");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("завтра")]
    public void AddPhone_refuses_what_is_not_a_phone_number(string phone)
    {
        var client = AClient();

        var add = () => client.AddPhone(phone);

        add.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidPhone);
        client.Phones.Should().BeEmpty();
    }

    [Fact]
    public void AddPhone_refuses_a_sixth_number()
    {
        var client = AClient();
        for (var i = 1; i <= Client.MaxPhones; i++)
        {
            client.AddPhone($"+7 900 000-00-0{i}");
        }

        var add = () => client.AddPhone("+7 900 000-00-09");

        add.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.TooManyPhones);
        client.PhoneNumbers.Should().HaveCount(Client.MaxPhones);
    }

    [Fact]
    public void RemovePhone_accepts_any_notation_of_the_number()
    {
        var client = AClient();
        client.AddPhone("+79001234567");
        client.AddPhone("+74951234567");

        client.RemovePhone("8 (900) 123 45 67").Should().BeTrue();

        client.Phones.Should().Be("+74951234567");
    }

    [Fact]
    public void Emails_are_stored_in_lower_case_once()
    {
        var client = AClient();

        client.AddEmail(" Info@Romashka.RU ").Should().BeTrue();
        client.AddEmail("info@romashka.ru").Should().BeFalse();

        client.Emails.Should().Be("info@romashka.ru");
    }

    [Fact]
    public void AddEmail_refuses_what_is_not_an_address()
    {
        var client = AClient();

        var add = () => client.AddEmail("info@romashka");

        add.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidEmail);
    }

    [Fact]
    public void RecordTouch_only_moves_forward()
    {
        var client = AClient();

        client.RecordTouch(T0.AddDays(2));
        client.RecordTouch(T0);

        client.LastTouchAt.Should().Be(T0.AddDays(2), "a back-dated call must not make the client look forgotten");
    }

    [Fact]
    public void AssignTo_null_returns_the_client_to_the_pool()
    {
        var client = Client.Create("Ромашка", 1, T0, ownerUserId: 4);

        client.AssignTo(null);

        client.OwnerUserId.Should().BeNull();
    }

    [Fact]
    public void SetSegment_refuses_a_retired_segment()
    {
        var client = AClient();
        var segment = Segment.Create("Опт").WithId(8);
        segment.Retire();

        var set = () => client.SetSegment(segment);

        set.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.SegmentRetired);
        client.SegmentId.Should().BeNull();
    }

    [Fact]
    public void SetSegment_stores_the_segment_id()
    {
        var client = AClient();

        client.SetSegment(Segment.Create("Опт").WithId(8));

        client.SegmentId.Should().Be(8);
    }
}

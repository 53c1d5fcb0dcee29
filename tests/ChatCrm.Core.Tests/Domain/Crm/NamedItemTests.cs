using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class NamedItemTests
{
    [Theory]
    [InlineData("Нет бюджета", "нет БЮДЖЕТА")]
    [InlineData("Нет бюджета", "  Нет   бюджета ")]
    [InlineData("Retail", "RETAIL")]
    public void Names_that_differ_only_in_case_and_spaces_are_one_entry(string name, string typed)
    {
        Segment.Create(name).IsNamed(typed).Should().BeTrue();
        NamedItem.Key(name).Should().Be(NamedItem.Key(typed));
    }

    [Fact]
    public void Different_names_are_different_entries()
    {
        LostReason.Create("Цена").IsNamed("Цена высокая").Should().BeFalse();
    }

    [Fact]
    public void A_name_is_stored_with_its_spaces_collapsed()
    {
        Product.Create("  Станок   ЧПУ ").Name.Should().Be("Станок ЧПУ");
    }

    [Fact]
    public void A_retired_entry_can_be_restored()
    {
        var reason = LostReason.Create("Цена");
        reason.Retire();

        reason.Restore();

        reason.IsRetired.Should().BeFalse();
    }

    [Fact]
    public void Each_list_keeps_its_own_name_length()
    {
        var longName = new string('я', Product.MaxNameLength);

        Product.Create(longName).Name.Should().Be(longName);
        var segment = () => Segment.Create(longName);
        segment.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameTooLong);
    }

    [Fact]
    public void A_rename_is_checked_like_a_new_name()
    {
        var type = WorkType.Create("Звонок", "call");

        var rename = () => type.Rename(" ");

        rename.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameEmpty);
        type.Name.Should().Be("Звонок");
    }
}

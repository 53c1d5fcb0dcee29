using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class SalesCycleTests
{
    [Fact]
    public void The_default_cycle_cannot_be_retired()
    {
        var cycle = SalesCycle.Create("Продажи", T0, isDefault: true);

        var retire = () => cycle.Retire();

        retire.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.CycleIsDefault);
        cycle.IsRetired.Should().BeFalse();
    }

    [Fact]
    public void A_cycle_that_is_no_longer_default_can_be_retired()
    {
        var cycle = SalesCycle.Create("Продажи", T0, isDefault: true);
        cycle.Unset();

        cycle.Retire();

        cycle.IsRetired.Should().BeTrue();
    }

    [Fact]
    public void A_retired_cycle_cannot_become_the_default()
    {
        var cycle = SalesCycle.Create("Тендеры", T0);
        cycle.Retire();

        var makeDefault = () => cycle.MakeDefault();

        makeDefault.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.CycleRetired);
        cycle.IsDefault.Should().BeFalse();
    }

    [Fact]
    public void Rename_refuses_an_empty_name()
    {
        var cycle = SalesCycle.Create("Продажи", T0);

        var rename = () => cycle.Rename(" ");

        rename.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameEmpty);
        cycle.Name.Should().Be("Продажи");
    }
}

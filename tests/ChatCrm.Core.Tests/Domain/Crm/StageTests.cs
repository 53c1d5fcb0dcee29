using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class StageTests
{
    [Fact]
    public void Create_keeps_the_settings_and_tidies_the_name()
    {
        var stage = Stage.Create(1, "  Коммерческое   предложение ", 3, 50, 10, 5);

        stage.Name.Should().Be("Коммерческое предложение");
        (stage.CycleId, stage.Position, stage.Probability).Should().Be((1L, 3, 50));
        stage.DaysAllowed.Should().Be(10);
        stage.ForgottenAfterDays.Should().Be(5);
        stage.IsRetired.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_stage_needs_a_name(string name)
    {
        var create = () => Stage.Create(1, name, 1, 10);

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameEmpty);
    }

    [Fact]
    public void Rename_refuses_a_name_longer_than_100_characters()
    {
        var stage = Stage.Create(1, "Договор", 1, 90);

        var rename = () => stage.Rename(new string('д', 101));

        rename.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameTooLong);
        stage.Name.Should().Be("Договор");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void SetProbability_accepts_0_to_100_percent(int percent)
    {
        var stage = Stage.Create(1, "Договор", 1, 50);

        stage.SetProbability(percent);

        stage.Probability.Should().Be(percent);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void SetProbability_refuses_anything_outside_0_to_100(int percent)
    {
        var stage = Stage.Create(1, "Договор", 1, 50);

        var set = () => stage.SetProbability(percent);

        set.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidProbability);
        stage.Probability.Should().Be(50);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(3651)]
    public void SetDaysAllowed_refuses_days_outside_1_to_3650(int days)
    {
        var stage = Stage.Create(1, "Договор", 1, 50, 14);

        var set = () => stage.SetDaysAllowed(days);

        set.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidDays);
        stage.DaysAllowed.Should().Be(14);
    }

    [Fact]
    public void SetDaysAllowed_null_means_a_deal_never_gets_stuck_here()
    {
        var stage = Stage.Create(1, "Договор", 1, 50, 14);

        stage.SetDaysAllowed(null);

        stage.DaysAllowed.Should().BeNull();
    }

    [Fact]
    public void SetForgottenAfterDays_refuses_zero()
    {
        var stage = Stage.Create(1, "Договор", 1, 50);

        var set = () => stage.SetForgottenAfterDays(0);

        set.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MoveTo_refuses_a_position_below_1(int position)
    {
        var stage = Stage.Create(1, "Договор", 2, 50);

        var move = () => stage.MoveTo(position);

        move.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidPosition);
        stage.Position.Should().Be(2);
    }
}

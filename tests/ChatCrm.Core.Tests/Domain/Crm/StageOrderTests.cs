using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class StageOrderTests
{
    private readonly List<Stage> _stages =
    [
        AStage(1, "A", 1), AStage(2, "B", 2), AStage(3, "C", 3), AStage(4, "D", 4),
    ];

    private string Order() => string.Concat(StageOrder.Live(_stages).Select(s => $"{s.Position}{s.Name}"));

    [Fact]
    public void Place_moves_a_stage_up_and_shifts_the_others_down()
    {
        StageOrder.Place(_stages, _stages[3], 2);

        Order().Should().Be("1A2D3B4C");
    }

    [Fact]
    public void Place_moves_a_stage_down()
    {
        StageOrder.Place(_stages, _stages[0], 3);

        Order().Should().Be("1B2C3A4D");
    }

    [Fact]
    public void Place_puts_a_new_stage_after_another_one()
    {
        var added = AStage(5, "New", 99);
        _stages.Add(added);

        StageOrder.Place(_stages, added, _stages[1].Position + 1);

        Order().Should().Be("1A2B3New4C5D");
    }

    [Fact]
    public void Place_past_the_end_means_last()
    {
        StageOrder.Place(_stages, _stages[0], 40);

        Order().Should().Be("1B2C3D4A");
    }

    [Fact]
    public void Place_refuses_position_zero()
    {
        var place = () => StageOrder.Place(_stages, _stages[0], 0);

        place.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidPosition);
    }

    [Fact]
    public void Retire_closes_the_gap_and_keeps_the_retired_stage_and_its_name()
    {
        StageOrder.Retire(_stages, _stages[1]);

        Order().Should().Be("1A2C3D");
        _stages[1].IsRetired.Should().BeTrue();
        _stages[1].Name.Should().Be("B");
    }

    [Fact]
    public void Retire_refuses_the_last_live_stage_of_a_cycle()
    {
        foreach (var s in _stages.Skip(1).ToList())
        {
            StageOrder.Retire(_stages, s);
        }

        var retire = () => StageOrder.Retire(_stages, _stages[0]);

        retire.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.LastStage);
        _stages[0].IsRetired.Should().BeFalse();
    }

    [Fact]
    public void First_skips_retired_stages()
    {
        StageOrder.Retire(_stages, _stages[0]);

        StageOrder.First(_stages)!.Name.Should().Be("B");
    }
}

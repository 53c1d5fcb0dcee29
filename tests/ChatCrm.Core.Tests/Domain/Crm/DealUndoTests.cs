using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class DealUndoTests
{
    private readonly Stage _first = AStage(11, "Первый контакт", 1);
    private readonly Stage _proposal = AStage(12, "Предложение", 2);

    [Fact]
    public void Restoring_a_snapshot_takes_a_move_back_to_the_old_stage_and_its_entry_time()
    {
        var deal = AnOpenDeal(_first);
        var before = deal.Snapshot();
        deal.MoveTo(_proposal, T0.AddDays(3), 2);

        deal.Restore(before);

        deal.StageId.Should().Be(11);
        deal.EnteredStageName.Should().Be("Первый контакт");
        deal.StageEnteredAt.Should().Be(T0, "the days in stage count from the original entry, not from the undo");
    }

    [Fact]
    public void Restoring_a_snapshot_reopens_a_lost_deal_without_its_reason()
    {
        var deal = AnOpenDeal(_first);
        var before = deal.Snapshot();
        deal.Lose(AReason(), "дорого", T0.AddDays(1), 2);

        deal.Restore(before);

        deal.IsOpen.Should().BeTrue();
        deal.LostReasonId.Should().BeNull();
        deal.LostNote.Should().BeNull();
        deal.ClosedAt.Should().BeNull();
    }

    [Fact]
    public void Restoring_a_snapshot_of_a_win_puts_back_the_amount_before_it()
    {
        var deal = AnOpenDeal(_first, 100_000m);
        var before = deal.Snapshot();
        deal.Win(90_000m, T0.AddDays(1), 2);

        deal.Restore(before);

        deal.Amount.Should().Be(100_000m);
        deal.Status.Should().Be(DealStatus.Open);
    }

    [Fact]
    public void A_snapshot_is_a_value_so_an_unchanged_deal_compares_equal()
    {
        var deal = AnOpenDeal(_first);

        deal.Snapshot().Should().Be(deal.Snapshot());
    }
}

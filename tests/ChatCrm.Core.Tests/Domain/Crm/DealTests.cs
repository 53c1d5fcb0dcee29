using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class DealTests
{
    private readonly Stage _first = AStage(11, "Первый контакт", 1);
    private readonly Stage _proposal = AStage(12, "Предложение", 2);

    [Fact]
    public void Open_puts_the_deal_in_the_stage_and_writes_an_opened_row()
    {
        var (deal, opened) = Deal.Open(AClient(), ACycle(), _first, 150_000m, "rub", null, 2, T0, 9);

        deal.Status.Should().Be(DealStatus.Open);
        deal.StageId.Should().Be(11);
        deal.ClientId.Should().Be(7);
        deal.Currency.Should().Be("RUB");
        deal.Title.Should().Be("Ромашка", "a deal without a title is called after its client");
        deal.OpenedAt.Should().Be(T0);
        deal.StageEnteredAt.Should().Be(T0);
        opened.Kind.Should().Be(StageChangeKind.Opened);
        opened.FromStageId.Should().BeNull();
        opened.ToStageId.Should().Be(11);
        opened.ToStageName.Should().Be("Первый контакт");
        opened.Amount.Should().Be(150_000m);
        opened.ByUserId.Should().Be(9);
        opened.Deal.Should().BeSameAs(deal, "EF fills DealId of the opened row from the new deal");
    }

    [Fact]
    public void Open_keeps_a_given_title_trimmed()
    {
        var (deal, _) = Deal.Open(AClient(), ACycle(), _first, 1m, "RUB", "  Поставка   кофе ", 2, T0, 2);

        deal.Title.Should().Be("Поставка кофе");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Open_refuses_an_amount_that_is_not_positive(decimal amount)
    {
        var open = () => Deal.Open(AClient(), ACycle(), _first, amount, "RUB", null, 2, T0, 2);

        open.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
    }

    [Theory]
    [InlineData("RU")]
    [InlineData("RUBL")]
    [InlineData("R$B")]
    [InlineData("")]
    public void Open_refuses_a_currency_that_is_not_three_letters(string currency)
    {
        var open = () => Deal.Open(AClient(), ACycle(), _first, 1m, currency, null, 2, T0, 2);

        open.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidCurrency);
    }

    [Fact]
    public void Open_refuses_a_stage_of_another_cycle()
    {
        var open = () => Deal.Open(AClient(), ACycle(1), AStage(21, "Чужая", cycleId: 2), 1m, "RUB", null, 2, T0, 2);

        open.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.StageOfAnotherCycle);
    }

    [Fact]
    public void Open_refuses_a_retired_stage()
    {
        _first.Retire();

        var open = () => Deal.Open(AClient(), ACycle(), _first, 1m, "RUB", null, 2, T0, 2);

        open.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.StageRetired);
    }

    [Fact]
    public void Open_refuses_a_retired_cycle()
    {
        var cycle = SalesCycle.Create("Старый", T0).WithId(1);
        cycle.Retire();

        var open = () => Deal.Open(AClient(), cycle, _first, 1m, "RUB", null, 2, T0, 2);

        open.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.CycleRetired);
    }

    [Fact]
    public void Open_refuses_a_title_longer_than_200_characters()
    {
        var open = () => Deal.Open(AClient(), ACycle(), _first, 1m, "RUB", new string('т', 201), 2, T0, 2);

        open.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.TitleTooLong);
    }

    [Fact]
    public void MoveTo_enters_the_new_stage_and_records_both_names()
    {
        var deal = AnOpenDeal(_first);
        var at = T0.AddDays(2);

        var moved = deal.MoveTo(_proposal, at, 5);

        deal.StageId.Should().Be(12);
        deal.StageEnteredAt.Should().Be(at);
        moved.Kind.Should().Be(StageChangeKind.Moved);
        moved.DealId.Should().Be(42);
        (moved.FromStageId, moved.FromStageName).Should().Be((11L, "Первый контакт"));
        (moved.ToStageId, moved.ToStageName).Should().Be((12L, "Предложение"));
        moved.At.Should().Be(at);
        moved.ByUserId.Should().Be(5);
        moved.Amount.Should().Be(100_000m);
    }

    [Fact]
    public void MoveTo_refuses_a_won_deal()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);

        var move = () => deal.MoveTo(_proposal, T0, 2);

        move.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
    }

    [Fact]
    public void MoveTo_refuses_a_lost_deal()
    {
        var deal = AnOpenDeal(_first);
        deal.Lose(AReason(), null, T0, 2);

        var move = () => deal.MoveTo(_proposal, T0, 2);

        move.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
    }

    [Fact]
    public void MoveTo_refuses_a_stage_of_another_cycle()
    {
        var deal = AnOpenDeal(_first);

        var move = () => deal.MoveTo(AStage(31, "Предложение", 2, cycleId: 3), T0, 2);

        move.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.StageOfAnotherCycle);
        deal.StageId.Should().Be(11);
    }

    [Fact]
    public void MoveTo_refuses_a_retired_stage()
    {
        var deal = AnOpenDeal(_first);
        _proposal.Retire();

        var move = () => deal.MoveTo(_proposal, T0, 2);

        move.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.StageRetired);
    }

    [Fact]
    public void MoveTo_refuses_the_stage_the_deal_is_already_in()
    {
        var deal = AnOpenDeal(_first);

        var move = () => deal.MoveTo(_first, T0.AddDays(1), 2);

        move.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.SameStage);
        deal.StageEnteredAt.Should().Be(T0, "a refused move must not restart the days-in-stage clock");
    }

    [Fact]
    public void History_rows_keep_the_stage_names_they_were_written_with_after_renames()
    {
        var (deal, opened) = Deal.Open(AClient(), ACycle(), _first, 1m, "RUB", null, 2, T0, 2);
        deal.WithId(42);
        _first.Rename("Знакомство");
        var moved = deal.MoveTo(_proposal, T0.AddDays(1), 2);
        _proposal.Rename("КП");
        var won = deal.Win(null, T0.AddDays(2), 2);

        opened.ToStageName.Should().Be("Первый контакт");
        moved.FromStageName.Should().Be("Первый контакт", "the row continues the chain the opened row started");
        moved.ToStageName.Should().Be("Предложение");
        won.FromStageName.Should().Be("Предложение");
    }

    [Fact]
    public void Win_keeps_the_amount_when_none_is_given()
    {
        var deal = AnOpenDeal(_first);

        var won = deal.Win(null, T0.AddDays(3), 2);

        deal.Status.Should().Be(DealStatus.Won);
        deal.ClosedAt.Should().Be(T0.AddDays(3));
        deal.Amount.Should().Be(100_000m);
        won.Kind.Should().Be(StageChangeKind.Won);
        won.FromStageId.Should().Be(11);
        won.ToStageId.Should().BeNull();
    }

    [Fact]
    public void Win_with_an_amount_records_the_final_amount()
    {
        var deal = AnOpenDeal(_first);

        var won = deal.Win(120_000m, T0, 2);

        deal.Amount.Should().Be(120_000m);
        won.Amount.Should().Be(120_000m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Win_refuses_a_final_amount_that_is_not_positive(decimal amount)
    {
        var deal = AnOpenDeal(_first);

        var win = () => deal.Win(amount, T0, 2);

        win.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
        deal.Status.Should().Be(DealStatus.Open);
    }

    [Fact]
    public void Win_refuses_a_deal_already_won()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);

        var win = () => deal.Win(null, T0, 2);

        win.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
    }

    [Fact]
    public void Lose_records_the_reason_and_the_trimmed_note()
    {
        var deal = AnOpenDeal(_first);

        var lost = deal.Lose(AReason(5), "  ушли к конкуренту ", T0.AddDays(1), 2);

        deal.Status.Should().Be(DealStatus.Lost);
        deal.LostReasonId.Should().Be(5);
        deal.LostNote.Should().Be("ушли к конкуренту");
        deal.ClosedAt.Should().Be(T0.AddDays(1));
        lost.Kind.Should().Be(StageChangeKind.Lost);
        lost.FromStageName.Should().Be("Первый контакт");
    }

    [Fact]
    public void Lose_refuses_without_a_reason()
    {
        var deal = AnOpenDeal(_first);

        var lose = () => deal.Lose(null, "просто так", T0, 2);

        lose.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.ReasonRequired);
        deal.Status.Should().Be(DealStatus.Open);
    }

    [Fact]
    public void Lose_refuses_a_retired_reason()
    {
        var deal = AnOpenDeal(_first);
        var reason = AReason();
        reason.Retire();

        var lose = () => deal.Lose(reason, null, T0, 2);

        lose.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.ReasonRetired);
    }

    [Fact]
    public void Lose_refuses_a_note_longer_than_1000_characters_instead_of_cutting_it()
    {
        var deal = AnOpenDeal(_first);

        var lose = () => deal.Lose(AReason(), new string('н', 1001), T0, 2);

        lose.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NoteTooLong);
        deal.Status.Should().Be(DealStatus.Open);
    }

    [Fact]
    public void Lose_refuses_a_deal_already_won()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);

        var lose = () => deal.Lose(AReason(), null, T0, 2);

        lose.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
    }

    [Fact]
    public void Reopen_brings_a_lost_deal_back_and_forgets_why_it_was_lost()
    {
        var deal = AnOpenDeal(_first);
        deal.Lose(AReason(), "дорого", T0.AddDays(1), 2);

        var reopened = deal.Reopen(_proposal, T0.AddDays(5), 3);

        deal.Status.Should().Be(DealStatus.Open);
        deal.ClosedAt.Should().BeNull();
        deal.LostReasonId.Should().BeNull();
        deal.LostNote.Should().BeNull();
        deal.StageId.Should().Be(12);
        deal.StageEnteredAt.Should().Be(T0.AddDays(5));
        reopened.Kind.Should().Be(StageChangeKind.Reopened);
        (reopened.FromStageId, reopened.ToStageId).Should().Be((11L, 12L));
        reopened.ByUserId.Should().Be(3);
    }

    [Fact]
    public void Reopen_may_return_a_won_deal_to_the_stage_it_was_won_in()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);

        deal.Reopen(_first, T0.AddDays(1), 2);

        deal.Status.Should().Be(DealStatus.Open);
        deal.StageId.Should().Be(11);
    }

    [Fact]
    public void Reopen_refuses_an_open_deal()
    {
        var deal = AnOpenDeal(_first);

        var reopen = () => deal.Reopen(_proposal, T0, 2);

        reopen.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealNotClosed);
    }

    [Fact]
    public void Reopen_refuses_a_retired_stage()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);
        _proposal.Retire();

        var reopen = () => deal.Reopen(_proposal, T0, 2);

        reopen.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.StageRetired);
        deal.Status.Should().Be(DealStatus.Won);
    }

    [Fact]
    public void Reopen_refuses_a_stage_of_another_cycle()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);

        var reopen = () => deal.Reopen(AStage(31, "Чужая", cycleId: 3), T0, 2);

        reopen.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.StageOfAnotherCycle);
    }

    [Fact]
    public void ChangeAmount_updates_an_open_deal()
    {
        var deal = AnOpenDeal(_first);

        deal.ChangeAmount(250_000m);

        deal.Amount.Should().Be(250_000m);
    }

    [Fact]
    public void ChangeAmount_refuses_an_amount_that_is_not_positive()
    {
        var deal = AnOpenDeal(_first);

        var change = () => deal.ChangeAmount(0m);

        change.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
        deal.Amount.Should().Be(100_000m);
    }

    [Fact]
    public void ChangeAmount_refuses_a_closed_deal()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);

        var change = () => deal.ChangeAmount(5m);

        change.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
    }

    [Fact]
    public void SetExpectedClose_refuses_a_closed_deal()
    {
        var deal = AnOpenDeal(_first);
        deal.Lose(AReason(), null, T0, 2);

        var set = () => deal.SetExpectedClose(T0.AddDays(10));

        set.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
    }

    [Fact]
    public void HandOver_moves_even_a_closed_deal_to_the_new_owner()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0, 2);

        deal.HandOver(77);

        deal.OwnerUserId.Should().Be(77);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(23, 0)]
    [InlineData(24, 1)]
    [InlineData(24 * 7 + 5, 7)]
    [InlineData(-3, 0)]
    public void DaysInStage_counts_whole_days_since_the_deal_entered_the_stage(int hoursLater, int days)
    {
        var deal = AnOpenDeal(_first);

        deal.DaysInStage(T0.AddHours(hoursLater)).Should().Be(days);
    }

    [Fact]
    public void DaysInStage_restarts_when_the_deal_moves()
    {
        var deal = AnOpenDeal(_first);
        deal.MoveTo(_proposal, T0.AddDays(10), 2);

        deal.DaysInStage(T0.AddDays(12)).Should().Be(2);
    }

    [Fact]
    public void DaysInStage_stops_counting_when_the_deal_closes()
    {
        var deal = AnOpenDeal(_first);
        deal.Win(null, T0.AddDays(4), 2);

        deal.DaysInStage(T0.AddDays(30)).Should().Be(4);
    }

    [Theory]
    [InlineData(3, 3, false)]
    [InlineData(3, 4, true)]
    public void IsStuck_after_more_days_than_the_stage_allows(int allowed, int daysLater, bool stuck)
    {
        var stage = AStage(11, "Первый контакт", days: allowed);
        var deal = AnOpenDeal(stage);

        deal.IsStuck(stage, T0.AddDays(daysLater)).Should().Be(stuck);
    }

    [Fact]
    public void IsStuck_is_never_true_for_a_stage_without_a_limit_or_a_closed_deal()
    {
        var unlimited = AStage(11, "Первый контакт");
        var limited = AStage(12, "Предложение", days: 1);
        var open = AnOpenDeal(unlimited);
        var won = AnOpenDeal(limited);
        won.Win(null, T0.AddDays(5), 2);

        open.IsStuck(unlimited, T0.AddDays(365)).Should().BeFalse();
        won.IsStuck(limited, T0.AddDays(30)).Should().BeFalse();
    }
}

using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class DealLineTests
{
    private static Product AProduct(long id, string name = "Станок", decimal? price = null) => Product.Create(name, price).WithId(id);

    [Fact]
    public void Adding_lines_makes_the_deal_worth_their_sum()
    {
        var deal = AnOpenDeal(amount: 100_000m);

        var first = deal.AddLine(AProduct(1), 2, 1_500_000m, [], T0);
        deal.Amount.Should().Be(3_000_000m, "2 × 1 500 000 replaces the amount typed when the deal was opened");
        first.DealId.Should().Be(42);
        first.Amount.Should().Be(3_000_000m);

        var second = deal.AddLine(AProduct(2, "Наладка"), 1, 45_000.50m, [first], T0);
        deal.Amount.Should().Be(3_045_000.50m);
        second.Quantity.Should().Be(1);
    }

    [Fact]
    public void Removing_a_line_leaves_the_sum_of_the_rest_and_the_last_one_leaves_the_amount_as_it_was()
    {
        var deal = AnOpenDeal();
        var a = deal.AddLine(AProduct(1), 1, 70_000m, [], T0);
        var b = deal.AddLine(AProduct(2), 3, 10_000m, [a], T0);
        deal.Amount.Should().Be(100_000m);

        deal.RemoveLine(a, [a, b]);
        deal.Amount.Should().Be(30_000m);

        deal.RemoveLine(b, [b]);
        deal.Amount.Should().Be(30_000m, "a deal always has an amount; with no lines left the manager sets it as before");
    }

    [Fact]
    public void A_closed_deal_refuses_line_changes()
    {
        var deal = AnOpenDeal();
        var line = deal.AddLine(AProduct(1), 1, 10m, [], T0);
        deal.Win(null, T0, 2);

        var add = () => deal.AddLine(AProduct(2), 1, 10m, [line], T0);
        var remove = () => deal.RemoveLine(line, [line]);

        add.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
        remove.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealClosed);
        deal.Amount.Should().Be(10m);
    }

    [Fact]
    public void Bad_quantity_price_or_retired_product_change_nothing()
    {
        var deal = AnOpenDeal(amount: 100_000m);
        var retired = AProduct(3);
        retired.Retire();

        ((Action)(() => deal.AddLine(AProduct(1), 0, 10m, [], T0))).Should().Throw<DomainException>()
            .Which.Error.Should().Be(DomainError.QuantityOutOfRange);
        ((Action)(() => deal.AddLine(AProduct(1), 1, 0m, [], T0))).Should().Throw<DomainException>()
            .Which.Error.Should().Be(DomainError.AmountNotPositive);
        ((Action)(() => deal.AddLine(retired, 1, 10m, [], T0))).Should().Throw<DomainException>()
            .Which.Error.Should().Be(DomainError.ProductRetired);
        deal.Amount.Should().Be(100_000m);
    }

    [Fact]
    public void A_line_of_another_deal_is_refused()
    {
        var deal = AnOpenDeal();
        var other = AnOpenDeal().WithId(43);
        var foreign = other.AddLine(AProduct(1), 1, 10m, [], T0);

        var add = () => deal.AddLine(AProduct(2), 1, 10m, [foreign], T0);

        add.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_deal_with_lines_is_won_at_their_sum_and_another_final_amount_is_refused()
    {
        var deal = AnOpenDeal();
        var line = deal.AddLine(AProduct(1), 2, 50_000m, [], T0);

        var other = () => deal.Win(90_000m, T0, 2, [line]);
        other.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountFromLines);
        deal.IsOpen.Should().BeTrue();

        deal.Win(100_000m, T0, 2, [line]);
        deal.Amount.Should().Be(100_000m);
        deal.Status.Should().Be(DealStatus.Won);
    }
}

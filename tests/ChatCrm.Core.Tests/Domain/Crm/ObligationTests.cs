using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class ObligationTests
{
    private readonly Deal _deal = AnOpenDeal();

    [Fact]
    public void An_expected_payment_is_unsettled_until_paid()
    {
        var invoice = Obligation.ExpectPayment(_deal, 50_000m, T0.AddDays(10), 2, T0, "аванс");

        (invoice.DealId, invoice.Kind, invoice.Amount, invoice.DueAt).Should()
            .Be((42L, ObligationKind.ExpectedPayment, (decimal?)50_000m, (DateTime?)T0.AddDays(10)));
        invoice.IsSettled.Should().BeFalse();
        invoice.Note.Should().Be("аванс");
    }

    [Fact]
    public void Payments_and_shipments_owe_nothing()
    {
        Obligation.RecordPayment(_deal, 1m, T0, 2, T0).IsSettled.Should().BeTrue();
        Obligation.RecordShipment(_deal, T0, 2, T0).IsSettled.Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Payments_and_expected_payments_need_a_positive_amount(decimal amount)
    {
        var expect = () => Obligation.ExpectPayment(_deal, amount, T0, 2, T0);
        var pay = () => Obligation.RecordPayment(_deal, amount, T0, 2, T0);

        expect.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
        pay.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
    }

    [Fact]
    public void A_shipment_may_have_no_amount_but_not_a_zero_one()
    {
        Obligation.RecordShipment(_deal, T0, 2, T0).Amount.Should().BeNull();

        var ship = () => Obligation.RecordShipment(_deal, T0, 2, T0, amount: 0m);

        ship.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
    }

    [Fact]
    public void A_payment_or_shipment_cannot_have_happened_in_the_future()
    {
        var pay = () => Obligation.RecordPayment(_deal, 10m, T0.AddDays(1), 2, T0);
        var ship = () => Obligation.RecordShipment(_deal, T0.AddDays(1), 2, T0);

        pay.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DateInFuture);
        ship.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DateInFuture);
    }

    [Fact]
    public void A_lost_deal_takes_no_obligations()
    {
        _deal.Lose(AReason(), null, T0, 2);

        var expect = () => Obligation.ExpectPayment(_deal, 10m, T0, 2, T0);

        expect.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DealLost);
    }

    [Fact]
    public void A_won_deal_still_takes_payments()
    {
        _deal.Win(null, T0, 2);

        Obligation.RecordPayment(_deal, 10m, T0, 2, T0).Amount.Should().Be(10m);
    }

    [Fact]
    public void A_note_longer_than_1000_characters_is_refused()
    {
        var ship = () => Obligation.RecordShipment(_deal, T0, 2, T0, new string('о', 1001));

        ship.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NoteTooLong);
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("100", "", 100)]
    [InlineData("100", "100", 0)]
    [InlineData("100", "60", 40)]
    [InlineData("100", "60 40", 0)]
    [InlineData("100", "150", 0)]
    [InlineData("100 50", "100", 50)]
    public void Settle_returns_what_is_still_owed(string invoices, string payments, decimal owed)
    {
        var all = Invoices(invoices).Concat(Payments(payments)).ToList();

        Obligation.Settle(all).Should().Be(owed);
    }

    [Theory]
    [InlineData("100 50", "100", "True False")]
    [InlineData("100 50", "60", "False False")]
    [InlineData("100 50", "150", "True True")]
    [InlineData("100 50", "149", "True False")]
    public void Settle_covers_the_earliest_due_invoice_first(string invoices, string payments, string settled)
    {
        var expected = Invoices(invoices);

        Obligation.Settle(expected.Concat(Payments(payments)).Reverse());

        string.Join(' ', expected.Select(e => e.IsSettled)).Should().Be(settled);
    }

    [Fact]
    public void An_expected_shipment_is_open_until_a_shipment_is_recorded_and_each_shipment_answers_the_earliest_date()
    {
        var later = Obligation.ExpectShipment(_deal, T0.AddDays(20), 2, T0, "вторая партия");
        var earlier = Obligation.ExpectShipment(_deal, T0.AddDays(10), 2, T0);
        (later.Kind, later.DueAt, later.Amount, later.IsSettled, later.Note).Should()
            .Be((ObligationKind.ExpectedShipment, (DateTime?)T0.AddDays(20), (decimal?)null, false, "вторая партия"));

        Obligation.Settle([later, earlier, Obligation.RecordShipment(_deal, T0, 2, T0)]).Should().Be(0);
        (earlier.IsSettled, later.IsSettled).Should().Be((true, false));

        Obligation.Settle([later, earlier]);
        (earlier.IsSettled, later.IsSettled).Should().Be((false, false), "an undone shipment opens the date again");
    }

    /// <summary>Invoices due one day apart, in the order given.</summary>
    private List<Obligation> Invoices(string amounts) =>
        [.. Amounts(amounts).Select((a, i) => Obligation.ExpectPayment(_deal, a, T0.AddDays(i + 1), 2, T0))];

    private List<Obligation> Payments(string amounts) =>
        [.. Amounts(amounts).Select(a => Obligation.RecordPayment(_deal, a, T0, 2, T0))];

    private static IEnumerable<decimal> Amounts(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
}

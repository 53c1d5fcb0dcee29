using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class ReceivablesTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [InlineData(-10, AgeBucket.NotYetDue)]
    [InlineData(0, AgeBucket.NotYetDue)]
    [InlineData(1, AgeBucket.UpTo30Days)]
    [InlineData(30, AgeBucket.UpTo30Days)]
    [InlineData(31, AgeBucket.Days31To60)]
    [InlineData(60, AgeBucket.Days31To60)]
    [InlineData(61, AgeBucket.Days61To90)]
    [InlineData(90, AgeBucket.Days61To90)]
    [InlineData(91, AgeBucket.Over90Days)]
    [InlineData(400, AgeBucket.Over90Days)]
    public void A_receivable_is_aged_by_whole_days_past_its_due_date(int daysLate, AgeBucket bucket)
    {
        var due = Today.AddDays(-daysLate);

        Receivables.DaysLate(due, Today).Should().Be(daysLate);
        Receivables.BucketOf(due, Today).Should().Be(bucket);
    }

    [Fact]
    public void The_due_date_bounds_of_each_bucket_agree_with_the_bucket_of_every_day()
    {
        foreach (var bucket in Enum.GetValues<AgeBucket>())
        {
            var (from, to) = Receivables.DueDates(bucket, Today);
            for (var due = Today.AddDays(-200); due <= Today.AddDays(30); due = due.AddDays(1))
            {
                var inBounds = (from is null || due >= from) && (to is null || due <= to);
                inBounds.Should().Be(Receivables.BucketOf(due, Today) == bucket, $"{due} against {bucket}");
            }
        }
    }

    [Fact]
    public void A_part_payment_reduces_what_is_owed()
    {
        // The example: invoiced 100 000, paid 40 000, 45 days late → 60 000 in 31–60, not 100 000.
        var ageing = Receivables.Age([new Receivable(Today.AddDays(-45), 100_000m, 40_000m)], Today);

        ageing.Owed.Should().Be(60_000m);
        ageing.Overdue.Should().Be(60_000m);
        ageing.Lines.Should().Equal(
            new AgeingLine(AgeBucket.NotYetDue, 0m, 0),
            new AgeingLine(AgeBucket.UpTo30Days, 0m, 0),
            new AgeingLine(AgeBucket.Days31To60, 60_000m, 1),
            new AgeingLine(AgeBucket.Days61To90, 0m, 0),
            new AgeingLine(AgeBucket.Over90Days, 0m, 0));
    }

    [Fact]
    public void Receivables_are_summed_per_bucket_and_paid_ones_count_nowhere()
    {
        Receivable[] receivables =
        [
            new(Today.AddDays(5), 10_000m, 0m),          // not yet due
            new(Today, 20_000m, 5_000.50m),              // due today: not yet due, 14 999.50 owed
            new(Today.AddDays(-1), 30_000m, 0m),         // 0–30
            new(Today.AddDays(-30), 1_000m, 999.99m),    // 0–30: one kopeck
            new(Today.AddDays(-31), 50_000m, 50_000m),   // paid in full
            new(Today.AddDays(-75), 40_000m, 10_000m),   // 61–90
            new(Today.AddDays(-91), 7_000m, 0m),         // 90+
            new(Today.AddDays(-365), 3_000m, 5_000m),    // overpaid: owes nothing
        ];

        var ageing = Receivables.Age(receivables, Today);

        ageing.Lines.Should().Equal(
            new AgeingLine(AgeBucket.NotYetDue, 24_999.50m, 2),
            new AgeingLine(AgeBucket.UpTo30Days, 30_000.01m, 2),
            new AgeingLine(AgeBucket.Days31To60, 0m, 0),
            new AgeingLine(AgeBucket.Days61To90, 30_000m, 1),
            new AgeingLine(AgeBucket.Over90Days, 7_000m, 1));
        ageing.Owed.Should().Be(91_999.51m);
        ageing.Overdue.Should().Be(67_000.01m);
    }

    [Fact]
    public void Nothing_owed_gives_every_bucket_at_zero()
    {
        var ageing = Receivables.Age([], Today);

        ageing.Lines.Select(l => l.Bucket).Should().Equal(Enum.GetValues<AgeBucket>());
        ageing.Lines.Should().OnlyContain(l => l.Owed == 0 && l.Count == 0);
        (ageing.Owed, ageing.Overdue).Should().Be((0m, 0m));
    }

    [Fact]
    public void A_deals_payments_cover_its_earliest_due_payment_first()
    {
        var covered = Receivables.CoverEarliestFirst(
            [(Today.AddDays(10), 30_000m), (Today.AddDays(-40), 50_000m), (Today.AddDays(-10), 20_000m)],
            paid: 60_000m);

        covered.Should().Equal(
            new Receivable(Today.AddDays(-40), 50_000m, 50_000m),
            new Receivable(Today.AddDays(-10), 20_000m, 10_000m),
            new Receivable(Today.AddDays(10), 30_000m, 0m));

        var ageing = Receivables.Age(covered, Today);
        ageing.Lines.Single(l => l.Bucket == AgeBucket.Days31To60).Owed.Should().Be(0m);
        ageing.Lines.Single(l => l.Bucket == AgeBucket.UpTo30Days).Owed.Should().Be(10_000m);
        ageing.Lines.Single(l => l.Bucket == AgeBucket.NotYetDue).Owed.Should().Be(30_000m);
        ageing.Owed.Should().Be(40_000m);
    }

    [Fact]
    public void A_partial_payment_does_not_settle_a_later_smaller_invoice()
    {
        var covered = Receivables.CoverEarliestFirst([(Today.AddDays(-20), 100_000m), (Today.AddDays(-5), 10_000m)], paid: 40_000m);

        covered.Select(r => r.Owed).Should().Equal(60_000m, 10_000m);
    }

    [Fact]
    public void Overpayment_is_not_carried_anywhere()
    {
        var covered = Receivables.CoverEarliestFirst([(Today, 10_000m)], paid: 25_000m);

        covered.Should().Equal(new Receivable(Today, 10_000m, 10_000m));
        covered[0].Owed.Should().Be(0m);
        new Receivable(Today, 10_000m, 25_000m).Owed.Should().Be(0m);
    }

    [Fact]
    public void Expected_payments_due_the_same_day_are_covered_in_the_order_given()
    {
        var covered = Receivables.CoverEarliestFirst([(Today, 1_000m), (Today, 2_000m)], paid: 1_500m);

        covered.Select(r => (r.Expected, r.PaidSoFar)).Should().Equal((1_000m, 1_000m), (2_000m, 500m));
    }

    [Fact]
    public void The_covering_rule_matches_how_obligations_are_settled()
    {
        var deal = SavedEntities.AnOpenDeal();
        var t0 = SavedEntities.T0;
        var early = Obligation.ExpectPayment(deal, 100_000m, t0.AddDays(-20), 2, t0);
        var late = Obligation.ExpectPayment(deal, 10_000m, t0.AddDays(-5), 2, t0);
        var paid = Obligation.RecordPayment(deal, 40_000m, t0, 2, t0);

        var stillOwed = Obligation.Settle([early, late, paid]);
        var covered = Receivables.CoverEarliestFirst(
            [(DateOnly.FromDateTime(early.DueAt!.Value), 100_000m), (DateOnly.FromDateTime(late.DueAt!.Value), 10_000m)], 40_000m);

        covered.Sum(r => r.Owed).Should().Be(stillOwed);
        covered.Select(r => r.Owed == 0).Should().Equal(early.IsSettled, late.IsSettled);
    }

    [Fact]
    public void Negative_amounts_are_a_bug_in_the_query_and_are_refused()
    {
        var negativePaid = () => Receivables.CoverEarliestFirst([(Today, 1m)], -1m);
        var negativeExpected = () => Receivables.CoverEarliestFirst([(Today, -1m)], 0m);
        var negativeAgeing = () => Receivables.Age([new Receivable(Today, 1m, -1m)], Today);

        negativePaid.Should().Throw<ArgumentOutOfRangeException>();
        negativeExpected.Should().Throw<ArgumentOutOfRangeException>();
        negativeAgeing.Should().Throw<ArgumentOutOfRangeException>();
    }
}

using ChatCrm.Core.Domain.Pay;

namespace ChatCrm.Core.Tests.Domain.Pay;

public class PayCalculatorTests
{
    private const long Machines = 7;
    private const long Tools = 8;
    private const long Wholesale = 3;
    private const long Retail = 1;
    private const long Meeting = 2;
    private const long Demo = 4;
    private const long Call = 9;

    private static readonly DateOnly November = new(2026, 11, 1);

    private static readonly PayScheme Full = PayScheme.Create(November, new PayRules
    {
        BaseAmount = 30_000m,
        RevenuePercent = 5m,
        ProductPercents = new Dictionary<long, decimal> { [Machines] = 10m },
        SegmentPercents = new Dictionary<long, decimal> { [Wholesale] = 2m },
        WonDealBonus = 1_000m,
        PieceRates = new Dictionary<long, decimal> { [Meeting] = 300m, [Demo] = 250.50m },
    });

    private static readonly PayScheme Tiered = PayScheme.Create(November, new PayRules
    {
        RevenuePercent = 4m, // replaced by the tiers
        ProductPercents = new Dictionary<long, decimal> { [Machines] = 10m },
        Tiers = [new(0, 80, 3), new(80, 100, 5), new(100, null, 7)],
    });

    [Fact]
    public void Every_rule_gives_its_line_and_the_lines_add_up_to_the_total()
    {
        var figures = new PayFigures(
            [
                new(Machines, Wholesale, 100_000m), // product override wins over the segment's: 10 %
                new(Tools, Wholesale, 50_000m),     // segment override: 2 %
                new(null, Wholesale, 20_000m),      // segment override: 2 %
                new(Tools, Retail, 30_000m),        // general rate: 5 %
                new(null, null, 12_345.67m),        // general rate: 5 %
            ],
            WonDeals: 3,
            [new(Meeting, 4), new(Demo, 2), new(Call, 10), new(Meeting, 1)],
            Target: null);

        var slip = PayCalculator.Calculate(Full, figures);

        slip.Lines.Should().Equal(
            new PayLine(PayLineKind.Base, null, 1, 30_000m, 30_000m),
            new PayLine(PayLineKind.Revenue, null, 42_345.67m, 5m, 2_117.28m), // 2 117.2835
            new PayLine(PayLineKind.ProductRevenue, Machines, 100_000m, 10m, 10_000m),
            new PayLine(PayLineKind.SegmentRevenue, Wholesale, 70_000m, 2m, 1_400m),
            new PayLine(PayLineKind.WonDeals, null, 3, 1_000m, 3_000m),
            new PayLine(PayLineKind.Touches, Meeting, 5, 300m, 1_500m),
            new PayLine(PayLineKind.Touches, Demo, 2, 250.50m, 501m));
        slip.Total.Should().Be(48_518.28m);
        slip.PaidRevenue.Should().Be(212_345.67m);
        (slip.Attainment, slip.Tier, slip.Next).Should().Be(((decimal?)null, (PayTier?)null, (NextTier?)null));
    }

    [Fact]
    public void A_segment_override_applies_only_to_revenue_no_product_override_claims()
    {
        var scheme = PayScheme.Create(November, new PayRules
        {
            RevenuePercent = 5m,
            ProductPercents = new Dictionary<long, decimal> { [Machines] = 1m },
            SegmentPercents = new Dictionary<long, decimal> { [Wholesale] = 20m },
        });

        var slip = PayCalculator.Calculate(scheme, Paid(new PaidRevenue(Machines, Wholesale, 1_000m)));

        slip.Lines.Should().Equal(new PayLine(PayLineKind.ProductRevenue, Machines, 1_000m, 1m, 10m));
    }

    [Theory]
    [InlineData("10.50", "5", "0.53")]   // 0.525: half away from zero, not to even
    [InlineData("0.50", "1", "0.01")]    // 0.005
    [InlineData("0.49", "1", "0")]       // 0.0049: a line that rounds to nothing still shows its basis
    [InlineData("333.33", "3.33", "11.10")] // 11.099889
    [InlineData("1000000000", "7.25", "72500000")]
    public void Each_revenue_line_is_rounded_once_to_kopecks_half_away_from_zero(string basis, string percent, string amount)
    {
        var scheme = PayScheme.Create(November, new PayRules { RevenuePercent = D(percent) });

        var slip = PayCalculator.Calculate(scheme, Paid(new PaidRevenue(null, null, D(basis))));

        slip.Lines.Should().ContainSingle().Which.Amount.Should().Be(D(amount));
        slip.Total.Should().Be(D(amount));
    }

    [Fact]
    public void Revenue_is_summed_per_line_before_rounding()
    {
        var scheme = PayScheme.Create(November, new PayRules { RevenuePercent = 1m });

        // Rounded one by one, three payments of 0.50 at 1 % would pay 0.03; summed first they pay 0.02 (0.015).
        var slip = PayCalculator.Calculate(scheme, Paid(new(null, null, 0.50m), new(null, null, 0.50m), new(null, null, 0.50m)));

        slip.Total.Should().Be(0.02m);
    }

    [Fact]
    public void Lines_that_pay_nothing_for_lack_of_basis_or_rate_are_left_out()
    {
        var scheme = PayScheme.Create(November, new PayRules
        {
            PieceRates = new Dictionary<long, decimal> { [Meeting] = 300m, [Demo] = 0m },
            WonDealBonus = 500m,
        });

        var slip = PayCalculator.Calculate(scheme, new PayFigures([new(null, null, 50_000m)], 0, [new(Meeting, 0), new(Demo, 3)], null));

        slip.Lines.Should().BeEmpty();
        slip.Total.Should().Be(0m);
        slip.PaidRevenue.Should().Be(50_000m);
    }

    [Fact]
    public void A_month_with_nothing_done_pays_the_base()
    {
        var slip = PayCalculator.Calculate(Full, PayFigures.None);

        slip.Lines.Should().Equal(new PayLine(PayLineKind.Base, null, 1, 30_000m, 30_000m));
        slip.Total.Should().Be(30_000m);
    }

    [Theory]
    [InlineData("0", "0", "3", "80", "160000")]
    [InlineData("150000", "75", "3", "80", "10000")]
    [InlineData("159999.99", "79.99", "3", "80", "0.01")] // 79.999995 % is not yet 80 %
    [InlineData("160000", "80", "5", "100", "40000")]      // reaching a threshold exactly earns its tier
    [InlineData("199999.99", "99.99", "5", "100", "0.01")]
    [InlineData("200000", "100", "7", null, null)]
    [InlineData("450000", "225", "7", null, null)]
    public void Tiers_by_attainment_replace_the_general_rate_and_say_what_reaches_the_next(
        string paid, string attainment, string percent, string? nextFrom, string? needed)
    {
        var slip = PayCalculator.Calculate(Tiered, new PayFigures([new(null, null, D(paid))], 0, [], Target: 200_000m));

        slip.Attainment.Should().Be(D(attainment));
        slip.Tier!.Percent.Should().Be(D(percent));
        if (D(paid) > 0)
        {
            slip.Lines.Should().Equal(new PayLine(PayLineKind.Revenue, null, D(paid), D(percent),
                decimal.Round(D(paid) * D(percent) / 100, 2, MidpointRounding.AwayFromZero)));
        }

        if (nextFrom is null)
        {
            slip.Next.Should().BeNull();
        }
        else
        {
            slip.Next!.Tier.From.Should().Be(D(nextFrom));
            slip.Next.RevenueNeeded.Should().Be(D(needed!));
        }
    }

    [Fact]
    public void Overridden_revenue_counts_towards_attainment_but_keeps_its_own_rate()
    {
        var figures = new PayFigures([new(Machines, null, 100_000m), new(Tools, null, 80_000m)], 0, [], Target: 200_000m);

        var slip = PayCalculator.Calculate(Tiered, figures);

        slip.Attainment.Should().Be(90m);
        slip.Tier!.Percent.Should().Be(5m);
        slip.Lines.Should().Equal(
            new PayLine(PayLineKind.Revenue, null, 80_000m, 5m, 4_000m),
            new PayLine(PayLineKind.ProductRevenue, Machines, 100_000m, 10m, 10_000m));
        slip.Next!.RevenueNeeded.Should().Be(20_000m);
    }

    [Fact]
    public void Revenue_needed_is_rounded_up_so_paying_it_reaches_the_tier()
    {
        const decimal target = 333_333.33m; // 80 % of it is 266 666.664

        var below = PayCalculator.Calculate(Tiered, new PayFigures([new(null, null, 266_666.66m)], 0, [], target));
        var reached = PayCalculator.Calculate(Tiered, new PayFigures([new(null, null, 266_666.67m)], 0, [], target));

        below.Tier!.Percent.Should().Be(3m);
        below.Attainment.Should().Be(79.99m);
        below.Next!.RevenueNeeded.Should().Be(0.01m);
        reached.Tier!.Percent.Should().Be(5m);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public void Without_a_target_the_lowest_tier_applies_and_no_next_tier_is_promised(string? target)
    {
        var slip = PayCalculator.Calculate(Tiered, new PayFigures([new(null, null, 500_000m)], 0, [], target is null ? null : D(target)));

        slip.Attainment.Should().BeNull();
        slip.Tier.Should().Be(new PayTier(0, 80, 3));
        slip.Next.Should().BeNull();
        slip.Total.Should().Be(15_000m);
    }

    [Fact]
    public void Without_tiers_the_schemes_percent_is_the_general_rate_and_attainment_is_still_shown()
    {
        var slip = PayCalculator.Calculate(Full, new PayFigures([new(null, null, 50_000m)], 0, [], Target: 200_000m));

        (slip.Attainment, slip.Tier, slip.Next).Should().Be(((decimal?)25m, (PayTier?)null, (NextTier?)null));
        slip.Lines[1].Should().Be(new PayLine(PayLineKind.Revenue, null, 50_000m, 5m, 2_500m));
    }

    [Fact]
    public void A_lowest_tier_at_zero_percent_pays_no_revenue_line_but_still_names_the_next_tier()
    {
        var scheme = PayScheme.Create(November, new PayRules { Tiers = [new(0, 50, 0), new(50, null, 6)] });

        var slip = PayCalculator.Calculate(scheme, new PayFigures([new(null, null, 40_000m)], 0, [], Target: 100_000m));

        slip.Lines.Should().BeEmpty();
        slip.Next.Should().Be(new NextTier(new PayTier(50, null, 6), 10_000m));
    }

    [Fact]
    public void Negative_figures_are_a_bug_in_the_query_and_are_refused()
    {
        var negativeRevenue = () => PayCalculator.Calculate(Full, Paid(new PaidRevenue(null, null, -1m)));
        var negativeDeals = () => PayCalculator.Calculate(Full, new PayFigures([], -1, [], null));
        var negativeTouches = () => PayCalculator.Calculate(Full, new PayFigures([], 0, [new(Meeting, -1)], null));

        negativeRevenue.Should().Throw<ArgumentOutOfRangeException>();
        negativeDeals.Should().Throw<ArgumentOutOfRangeException>();
        negativeTouches.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static PayFigures Paid(params PaidRevenue[] revenue) => new(revenue, 0, [], null);

    private static decimal D(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}

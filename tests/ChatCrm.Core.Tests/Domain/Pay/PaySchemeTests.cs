using ChatCrm.Core.Domain.Pay;

namespace ChatCrm.Core.Tests.Domain.Pay;

public class PaySchemeTests
{
    private static readonly DateOnly November = new(2026, 11, 1);

    private static readonly PayTier[] ThreeTiers = [new(0, 80, 3), new(80, 100, 5), new(100, null, 7)];

    [Fact]
    public void A_full_scheme_is_accepted_and_applies_from_the_first_of_its_month()
    {
        var rules = new PayRules
        {
            BaseAmount = 30_000m,
            RevenuePercent = 5m,
            ProductPercents = new Dictionary<long, decimal> { [7] = 10m },
            SegmentPercents = new Dictionary<long, decimal> { [3] = 2.5m },
            WonDealBonus = 1_000m,
            PieceRates = new Dictionary<long, decimal> { [2] = 300m, [4] = 250.50m },
            Tiers = ThreeTiers,
        };

        var scheme = PayScheme.Create(new DateOnly(2026, 11, 18), rules);

        scheme.EffectiveFrom.Should().Be(November);
        scheme.HasTiers.Should().BeTrue();
        scheme.Rules.BaseAmount.Should().Be(30_000m);
        scheme.Rules.ProductPercents.Should().Equal(new Dictionary<long, decimal> { [7] = 10m });
        scheme.Rules.PieceRates[4].Should().Be(250.50m);
    }

    [Fact]
    public void An_empty_scheme_pays_nothing_but_is_valid()
    {
        PayScheme.Check(new PayRules()).Should().BeEmpty();
        PayScheme.Create(November, new PayRules()).HasTiers.Should().BeFalse();
    }

    [Fact]
    public void Tiers_may_be_given_in_any_order_and_are_kept_from_the_lowest()
    {
        var scheme = PayScheme.Create(November, new PayRules { Tiers = [ThreeTiers[2], ThreeTiers[0], ThreeTiers[1]] });

        scheme.Rules.Tiers.Should().Equal(ThreeTiers);
    }

    [Fact]
    public void A_scheme_does_not_change_when_the_dictionaries_it_was_made_from_do()
    {
        var products = new Dictionary<long, decimal> { [7] = 10m };
        var tiers = new List<PayTier>(ThreeTiers);
        var scheme = PayScheme.Create(November, new PayRules { ProductPercents = products, Tiers = tiers });

        products[7] = 99m;
        products[8] = 1m;
        tiers.Clear();

        scheme.Rules.ProductPercents.Should().Equal(new Dictionary<long, decimal> { [7] = 10m });
        scheme.Rules.Tiers.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.01)]
    [InlineData(5)]
    [InlineData(12.75)]
    [InlineData(100)]
    public void A_percentage_from_0_to_100_with_up_to_two_decimals_is_accepted(decimal percent)
    {
        PayScheme.Check(new PayRules
        {
            RevenuePercent = percent,
            ProductPercents = new Dictionary<long, decimal> { [1] = percent },
            SegmentPercents = new Dictionary<long, decimal> { [1] = percent },
            Tiers = [new(0, null, percent)],
        }).Should().BeEmpty();
    }

    public static TheoryData<PayRules, PayProblem> BrokenRules => new()
    {
        { new PayRules { BaseAmount = -1m }, new(PayError.NegativeAmount, PayRuleKind.BaseAmount, null, "-1") },
        { new PayRules { BaseAmount = 100.005m }, new(PayError.TooPrecise, PayRuleKind.BaseAmount, null, "100.005") },
        { new PayRules { BaseAmount = 2_000_000_000_000m }, new(PayError.AmountTooLarge, PayRuleKind.BaseAmount, null, "2000000000000") },
        { new PayRules { RevenuePercent = -5m }, new(PayError.NegativeRate, PayRuleKind.RevenuePercent, null, "-5") },
        { new PayRules { RevenuePercent = 100.01m }, new(PayError.RateAbove100, PayRuleKind.RevenuePercent, null, "100.01") },
        { new PayRules { RevenuePercent = 2.555m }, new(PayError.TooPrecise, PayRuleKind.RevenuePercent, null, "2.555") },
        {
            new PayRules { ProductPercents = new Dictionary<long, decimal> { [7] = 101m } },
            new(PayError.RateAbove100, PayRuleKind.ProductPercent, 7, "101")
        },
        {
            new PayRules { SegmentPercents = new Dictionary<long, decimal> { [3] = -0.5m } },
            new(PayError.NegativeRate, PayRuleKind.SegmentPercent, 3, "-0.5")
        },
        { new PayRules { WonDealBonus = -500m }, new(PayError.NegativeAmount, PayRuleKind.WonDealBonus, null, "-500") },
        {
            new PayRules { PieceRates = new Dictionary<long, decimal> { [2] = -300m } },
            new(PayError.NegativeAmount, PayRuleKind.PieceRate, 2, "-300")
        },
        {
            new PayRules { PieceRates = new Dictionary<long, decimal> { [2] = 0.001m } },
            new(PayError.TooPrecise, PayRuleKind.PieceRate, 2, "0.001")
        },
        { new PayRules { Tiers = [new(0, 80, 3), new(90, null, 7)] }, new(PayError.TierGap, PayRuleKind.Tiers, null, "80–90") },
        {
            new PayRules { Tiers = [new(0, 80, 3), new(70, 100, 5), new(100, null, 7)] },
            new(PayError.TierOverlap, PayRuleKind.Tiers, null, "70–80")
        },
        { new PayRules { Tiers = [new(0, null, 3), new(80, null, 5)] }, new(PayError.TierOverlap, PayRuleKind.Tiers, null, "80+") },
        {
            new PayRules { Tiers = [new(0, 100, 3), new(80, 90, 5), new(100, null, 7)] },
            new(PayError.TierOverlap, PayRuleKind.Tiers, null, "80–90")
        },
        { new PayRules { Tiers = [new(10, 80, 3), new(80, null, 5)] }, new(PayError.TiersNotFromZero, PayRuleKind.Tiers, null, "10") },
        { new PayRules { Tiers = [new(0, 80, 3), new(80, 150, 5)] }, new(PayError.TiersNotOpenEnded, PayRuleKind.Tiers, null, "150") },
        {
            new PayRules { Tiers = [new(0, 80, 3), new(80, 80, 4), new(80, null, 5)] },
            new(PayError.TierEmpty, PayRuleKind.Tiers, null, "80–80")
        },
        { new PayRules { Tiers = [new(0, 80, 3), new(80, null, 120)] }, new(PayError.RateAbove100, PayRuleKind.Tiers, null, "120") },
        { new PayRules { Tiers = [new(0, 80, 3.333m), new(80, null, 5)] }, new(PayError.TooPrecise, PayRuleKind.Tiers, null, "3.333") },
        { new PayRules { Tiers = [new(0, 80, 3), new(100, 80, 4), new(80, null, 5)] }, new(PayError.TierEmpty, PayRuleKind.Tiers, null, "100–80") },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_broken_rule_is_refused_with_what_is_wrong_and_the_value(PayRules rules, PayProblem problem)
    {
        PayScheme.Check(rules).Should().Equal(problem);

        var create = () => PayScheme.Create(November, rules);
        create.Should().Throw<PayRuleException>().Which.Problems.Should().Equal(problem);
    }

    [Fact]
    public void Tier_bounds_have_at_most_two_decimals()
    {
        PayScheme.Check(new PayRules { Tiers = [new(0, 80.005m, 3), new(80.005m, null, 5)] }).Should().Equal(
            new PayProblem(PayError.TooPrecise, PayRuleKind.Tiers, null, "0–80.005"),
            new PayProblem(PayError.TooPrecise, PayRuleKind.Tiers, null, "80.005+"));
        PayScheme.Check(new PayRules { Tiers = [new(0, 79.5m, 3), new(79.5m, null, 5)] }).Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_the_order_of_the_rules()
    {
        var rules = new PayRules
        {
            BaseAmount = -1m,
            RevenuePercent = 150m,
            PieceRates = new Dictionary<long, decimal> { [9] = -1m, [2] = -2m },
            Tiers = [new(5, 80, 3), new(90, 100, 5)],
        };

        PayScheme.Check(rules).Select(p => (p.Error, p.Rule, p.RefId)).Should().Equal(
            (PayError.NegativeAmount, PayRuleKind.BaseAmount, (long?)null),
            (PayError.RateAbove100, PayRuleKind.RevenuePercent, null),
            (PayError.NegativeAmount, PayRuleKind.PieceRate, 2),
            (PayError.NegativeAmount, PayRuleKind.PieceRate, 9),
            (PayError.TiersNotFromZero, PayRuleKind.Tiers, null),
            (PayError.TierGap, PayRuleKind.Tiers, null),
            (PayError.TiersNotOpenEnded, PayRuleKind.Tiers, null));
    }
}

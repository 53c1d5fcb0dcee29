using ChatCrm.Core.Domain.Pay;

namespace ChatCrm.Core.Tests.Domain.Pay;

public class PaySchemesTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static readonly PayScheme October = Scheme(2026, 10, percent: 3m);
    private static readonly PayScheme December = Scheme(2026, 12, percent: 7m);

    [Theory]
    [InlineData(2026, 9, 30, null)]
    [InlineData(2026, 10, 1, 3)]
    [InlineData(2026, 10, 31, 3)]
    [InlineData(2026, 11, 15, 3)]
    [InlineData(2026, 12, 1, 7)]
    [InlineData(2027, 3, 10, 7)]
    public void The_scheme_in_force_is_the_latest_that_took_effect_in_or_before_the_month(int year, int month, int day, int? percent)
    {
        var inForce = PaySchemes.EffectiveFor([December, October], new DateOnly(year, month, day));

        inForce?.Rules.RevenuePercent.Should().Be(percent);
        (inForce is null).Should().Be(percent is null);
    }

    [Fact]
    public void Of_two_schemes_from_the_same_month_the_later_one_made_wins()
    {
        var first = Scheme(2026, 11, percent: 4m);
        var second = Scheme(2026, 11, percent: 6m);

        PaySchemes.EffectiveFor([October, first, second], Today)!.Rules.RevenuePercent.Should().Be(6m);
        PaySchemes.EffectiveFor([second, October, first], Today)!.Rules.RevenuePercent.Should().Be(4m);
    }

    [Theory]
    [InlineData(2026, 10, 31, true)]
    [InlineData(2025, 12, 1, true)]
    [InlineData(2026, 11, 1, false)]
    [InlineData(2026, 11, 30, false)]
    [InlineData(2026, 12, 1, false)]
    public void A_month_is_closed_once_the_calendar_has_left_it(int year, int month, int day, bool closed)
    {
        PaySchemes.IsClosed(new DateOnly(year, month, day), Today).Should().Be(closed);
    }

    [Fact]
    public void A_scheme_may_take_effect_from_the_current_month_but_not_from_a_closed_one()
    {
        PaySchemes.EarliestEffectiveFrom(Today).Should().Be(new DateOnly(2026, 11, 1));
        PaySchemes.CheckEffectiveFrom(new DateOnly(2026, 11, 1), Today).Should().BeNull();
        PaySchemes.CheckEffectiveFrom(new DateOnly(2027, 1, 1), Today).Should().BeNull();
        PaySchemes.CheckEffectiveFrom(new DateOnly(2026, 10, 31), Today).Should()
            .Be(new PayProblem(PayError.MonthClosed, PayRuleKind.EffectiveFrom, null, "2026-10"));
    }

    [Fact]
    public void A_change_in_the_middle_of_a_month_pays_that_whole_month_anew_and_leaves_closed_months_alone()
    {
        var history = new List<PayScheme> { October };
        var figures = new PayFigures([new(null, null, 100_000m)], 0, [], null);
        var octoberPay = PayCalculator.Calculate(PaySchemes.EffectiveFor(history, new DateOnly(2026, 10, 1))!, figures).Total;

        // On 18 November the head raises the rate; allowed from November on.
        var change = Scheme(2026, 11, percent: 5m);
        PaySchemes.CheckEffectiveFrom(change.EffectiveFrom, Today).Should().BeNull();
        history.Add(change);

        PayCalculator.Calculate(PaySchemes.EffectiveFor(history, new DateOnly(2026, 10, 1))!, figures).Total.Should().Be(octoberPay).And.Be(3_000m);
        PayCalculator.Calculate(PaySchemes.EffectiveFor(history, new DateOnly(2026, 11, 1))!, figures).Total.Should().Be(5_000m);
    }

    [Fact]
    public void No_scheme_allowed_today_changes_which_scheme_paid_a_closed_month()
    {
        var history = new List<PayScheme> { Scheme(2026, 1, 2m), October };
        var closedMonths = Enumerable.Range(0, 10).Select(m => new DateOnly(2026, 1, 1).AddMonths(m)).ToList();
        closedMonths.Should().OnlyContain(m => PaySchemes.IsClosed(m, Today));
        var before = closedMonths.Select(m => PaySchemes.EffectiveFor(history, m)).ToList();

        foreach (var month in Enumerable.Range(-3, 6).Select(m => Today.AddMonths(m)))
        {
            if (PaySchemes.CheckEffectiveFrom(month, Today) is null)
            {
                history.Add(Scheme(month.Year, month.Month, 9m));
            }
        }

        history.Should().HaveCount(5, "November, December and January were allowed, August to October were not");
        closedMonths.Select(m => PaySchemes.EffectiveFor(history, m)).Should().Equal(before);
    }

    private static PayScheme Scheme(int year, int month, decimal percent) =>
        PayScheme.Create(new DateOnly(year, month, 1), new PayRules { RevenuePercent = percent });
}

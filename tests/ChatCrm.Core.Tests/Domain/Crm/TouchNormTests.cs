using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class TouchNormTests
{
    // November 2026: the 2nd is a Monday, the 7th and 8th a weekend.
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Theory]
    [InlineData(0, 20)]
    [InlineData(4, 100)]
    [InlineData(6, 100)]
    [InlineData(7, 120)]
    public void A_daily_norm_counts_working_days_only(int daysAfterMonday, int expected)
    {
        var norm = TouchNorm.Create(1, 20, NormPeriod.Day);

        norm.ExpectedBetween(Monday, Monday.AddDays(daysAfterMonday)).Should().Be(expected);
    }

    [Theory]
    [InlineData(4, 10)]
    [InlineData(0, 2)]
    [InlineData(1, 4)]
    [InlineData(11, 20)]
    public void A_weekly_norm_is_spread_over_five_working_days(int daysAfterMonday, int expected)
    {
        var norm = TouchNorm.Create(1, 10, NormPeriod.Week);

        norm.ExpectedBetween(Monday, Monday.AddDays(daysAfterMonday)).Should().Be(expected);
    }

    [Fact]
    public void A_weekend_alone_asks_for_nothing()
    {
        var norm = TouchNorm.Create(1, 20, NormPeriod.Day);

        norm.ExpectedBetween(new DateOnly(2026, 11, 7), new DateOnly(2026, 11, 8)).Should().Be(0);
    }

    [Fact]
    public void A_norm_counts_touches_per_day_or_week()
    {
        var norm = TouchNorm.Create(3, 20, NormPeriod.Day);

        norm.Change(60, NormPeriod.Week);

        (norm.WorkTypeId, norm.Count, norm.Period).Should().Be((3L, 60, NormPeriod.Week));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public void A_norm_count_outside_1_to_1000_is_refused(int count)
    {
        var create = () => TouchNorm.Create(3, count, NormPeriod.Day);

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidCount);
    }
}

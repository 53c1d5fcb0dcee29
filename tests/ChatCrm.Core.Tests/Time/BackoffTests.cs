using ChatCrm.Core.Time;

namespace ChatCrm.Core.Tests.Time;

public class BackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    public void A_wait_doubles_with_each_failure_less_at_most_a_fifth(int failures, double seconds)
    {
        var backoff = new Backoff(First, Max, new Random(15));

        for (var i = 0; i < 100; i++)
        {
            backoff.Delay(failures).TotalSeconds.Should().BeInRange(seconds * (1 - Backoff.Jitter), seconds);
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(int.MaxValue)]
    public void A_wait_never_passes_the_cap(int failures)
    {
        var backoff = new Backoff(First, Max, new Random(15));

        for (var i = 0; i < 100; i++)
        {
            backoff.Delay(failures).Should().BeLessThanOrEqualTo(Max).And.BeGreaterThanOrEqualTo(Max * (1 - Backoff.Jitter));
        }
    }

    [Fact]
    public void Waits_after_the_same_failure_are_spread_over_the_whole_jitter_range()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(10), Max, new Random(15));

        var waits = Enumerable.Range(0, 1000).Select(_ => backoff.Delay(1).TotalSeconds).ToList();

        waits.Min().Should().BeInRange(8, 8.1);
        waits.Max().Should().BeInRange(9.9, 10);
        waits.Distinct().Count().Should().BeGreaterThan(900, "callers that failed together should not retry together");
    }

    [Fact]
    public void The_same_seed_gives_the_same_waits()
    {
        var (a, b) = (new Backoff(First, Max, new Random(7)), new Backoff(First, Max, new Random(7)));

        Enumerable.Range(1, 10).Select(a.Delay).Should().Equal(Enumerable.Range(1, 10).Select(b.Delay));
    }

    [Fact]
    public void A_failure_count_below_one_or_a_cap_below_the_first_wait_is_a_mistake()
    {
        var backoff = new Backoff(First, Max);

        backoff.Invoking(b => b.Delay(0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new Backoff(Max, First)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new Backoff(TimeSpan.Zero, Max)).Should().Throw<ArgumentOutOfRangeException>();
    }
}

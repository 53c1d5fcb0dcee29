namespace ChatCrm.Core.Time;

/// <summary>
/// How long to wait before trying again: <see cref="First"/> after the first failure, doubling up to <see cref="Max"/>,
/// less a random share of up to a fifth, so that callers that failed together (a thousand rows after one
/// Telegram outage) do not all come back in the same second. The jitter only shortens a wait: the cap holds.
/// </summary>
public sealed class Backoff
{
    /// <summary>The most a wait is shortened by, as a share of it.</summary>
    public const double Jitter = 0.2;

    private readonly Random _random;

    /// <param name="random">Defaults to <see cref="Random.Shared"/>; a seeded one must not be shared between threads.</param>
    public Backoff(TimeSpan first, TimeSpan max, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, first);
        (First, Max, _random) = (first, max, random ?? Random.Shared);
    }

    public TimeSpan First { get; }
    public TimeSpan Max { get; }

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row (1 for the first).</summary>
    public TimeSpan Delay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);

        // Past 2^40 any sane First is over any sane Max; the bound keeps the double finite.
        var full = Math.Min(First.Ticks * Math.Pow(2, Math.Min(failures - 1, 40)), Max.Ticks);
        return TimeSpan.FromTicks((long)(full * (1 - (Jitter * _random.NextDouble()))));
    }
}

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// The real clock sped up <see cref="Speed"/> times from the moment it is made: its time runs faster and its timers
/// fire sooner by the same factor, with no thread of its own to drive it. The test host's send clock (<c>SendClock</c>)
/// by default, so that the sender's one message a second per chat, its 429 and outage pauses take a twentieth of the
/// time while it paces exactly as it does in production; tests about pacing against Telegram's real limits (the fake
/// Bot API's <see cref="FakeBotApi.EnforceLimits"/> counts real time) start the host with the real clock instead.
/// </summary>
public sealed class FastClock(double speed = FastClock.DefaultSpeed) : TimeProvider
{
    public const double DefaultSpeed = 20;

    private readonly DateTimeOffset _origin = System.GetUtcNow();
    private readonly long _start = System.GetTimestamp();

    public double Speed => speed;

    public override DateTimeOffset GetUtcNow() => _origin + System.GetElapsedTime(_start) * speed;

    public override long GetTimestamp() => _start + (long)((System.GetTimestamp() - _start) * speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Timer(System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / speed;

    private sealed class Timer(ITimer inner, FastClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Shrink(dueTime), clock.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

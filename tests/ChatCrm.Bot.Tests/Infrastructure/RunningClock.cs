using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// A fake clock that runs on its own, <see cref="Speed"/> times faster than real time, from the real present on: the
/// bot's send clock (<c>SendClock</c>) in tests whose sends wait out pauses of seconds (a 429, an outage's back-off, a
/// chat's one message a second). The dispatcher's logic is the same on it; only the waiting is shorter. Where the fake
/// Bot API should count Telegram's limits on the same timeline, set its <see cref="FakeBotApi.Clock"/> to
/// <see cref="Provider"/>; keep the real clock for tests about pacing against the real limits (real requests take real
/// milliseconds, which a fast clock multiplies).
/// </summary>
public sealed class RunningClock : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private RunningClock(int speed)
    {
        Speed = speed;
        Provider = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _running = Task.Run(RunAsync);
    }

    public int Speed { get; }

    public FakeTimeProvider Provider { get; }

    public DateTime UtcNow => Provider.GetUtcNow().UtcDateTime;

    public static RunningClock Start(int speed = 5) => new(speed);

    /// <summary>Waits until this much time has passed on this clock (a fraction of it in real time).</summary>
    public async Task WaitAsync(TimeSpan span)
    {
        var until = UtcNow + span;
        while (UtcNow < until)
        {
            await Task.Delay(5);
        }
    }

    private async Task RunAsync()
    {
        var last = TimeProvider.System.GetTimestamp();
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(1, CancellationToken.None);
            var now = TimeProvider.System.GetTimestamp();
            Provider.Advance(TimeProvider.System.GetElapsedTime(last, now) * Speed);
            last = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }
}

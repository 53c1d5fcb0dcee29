using System.Threading.Channels;

namespace ChatCrm.Bot.Pipeline;

/// <summary>Wakes <see cref="WaitingUpdatesWorker"/> when an update has been stored to wait, so it plans its next run.</summary>
internal sealed class WaitingSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified, or after <paramref name="timeout"/> on the host's clock, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var notified = _channel.Reader.WaitToReadAsync(either.Token).AsTask();
        var elapsed = Task.Delay(timeout, time, either.Token);
        await Task.WhenAny(notified, elapsed);
        await either.CancelAsync();
        _channel.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }
}

using System.Threading.Channels;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Wakes the dispatcher the moment new rows are committed, so a reply goes out in milliseconds
/// instead of waiting for the next poll of the table.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken ct)
    {
        await _channel.Reader.ReadAsync(ct);
    }
}

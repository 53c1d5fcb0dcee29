using System.Threading.Channels;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Wakes the sender the moment new rows are committed, so a reply goes out in milliseconds instead of waiting for
/// the next poll of the table. With several instances the sender may be another process: <see cref="Notify"/> then
/// also rings it (<see cref="PostgresOutboxBell"/>), while <see cref="Wake"/> only wakes this process's dispatcher.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Rings the other instances; set on PostgreSQL by <see cref="PostgresOutboxBell"/>.</summary>
    internal Action? Ring { get; set; }

    /// <summary>Rows were committed: whoever sends should look.</summary>
    public void Notify()
    {
        Wake();
        Ring?.Invoke();
    }

    /// <summary>Wakes this process's dispatcher only (a ring heard from another instance, a lease just gained).</summary>
    public void Wake() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken ct)
    {
        await _channel.Reader.ReadAsync(ct);
    }
}

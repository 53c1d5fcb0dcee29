using System.Collections.Concurrent;

namespace ChatCrm.Faults.Infrastructure;

/// <summary>
/// Sends updates the way Telegram does: an update that was not answered 200 (an error status, a refused or cut
/// connection, a timeout) is sent again, with the same update_id, until it is — or until the deadline.
/// </summary>
public sealed class Redelivery(FaultBot bot, DateTime deadline)
{
    private int _attempts;
    private int _redeliveries;

    public ConcurrentDictionary<int, int> Statuses { get; } = new();
    public ConcurrentBag<int> Accepted { get; } = [];
    public ConcurrentBag<int> GaveUp { get; } = [];
    public int Attempts => _attempts;
    public int Redeliveries => _redeliveries;

    /// <returns>Whether the update was finally answered 200.</returns>
    public async Task<bool> SendAsync(int updateId, string json)
    {
        for (var attempt = 0; ; attempt++)
        {
            Interlocked.Increment(ref _attempts);
            if (attempt > 0)
            {
                Interlocked.Increment(ref _redeliveries);
            }

            var status = await bot.PostAsync(json);
            Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status == 200)
            {
                Accepted.Add(updateId);
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                GaveUp.Add(updateId);
                return false;
            }

            // Telegram backs off too; a short pause keeps a dead port from being hammered.
            await Task.Delay(Math.Min(100 * (attempt + 1), 1_000));
        }
    }
}

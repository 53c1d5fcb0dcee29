using ChatCrm.Bot.Data;
using ChatCrm.Bot.Observability;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The outbox's gauges on <see cref="BotMetrics.Meter"/>: pending rows, the age of the oldest one, and whether this
/// instance holds the sender lease. The backlog is read from the table (every instance sees the same) at most once per
/// <see cref="CacheFor"/>, in the background: a scrape gets the last reading at once, so a storm of scrapes is never a
/// storm of queries and a database outage never holds a scrape up. Created only when metrics are on.
/// </summary>
internal sealed class OutboxGauges
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;

    // The cache runs on the real clock (scrapes come in real seconds); ages on the application's, which stamped the rows.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly Lock _gate = new();
    private Reading _last = new(0, null, DateTimeOffset.MinValue);
    private Task? _refreshing;

    public OutboxGauges(BotMetrics metrics, IServiceScopeFactory scopes, TimeProvider time, ISenderLease lease)
    {
        _scopes = scopes;
        _time = time;
        metrics.Meter.CreateObservableGauge("chatcrm.outbox.pending", () => Current().Pending, "{message}", "Outbox rows waiting to be sent");
        metrics.Meter.CreateObservableGauge("chatcrm.outbox.oldest_age", () => Current() is { Oldest: { } oldest } ? Math.Max(0, (_time.GetUtcNow().UtcDateTime - oldest).TotalSeconds) : 0,
            "s", "Age of the oldest outbox row waiting to be sent");
        metrics.Meter.CreateObservableGauge("chatcrm.sender.lease_holder", () => lease.Held ? 1 : 0, "{instance}", "1 while this instance is the one that sends");
    }

    /// <summary>The last reading; a stale one starts a refresh (one at a time). The very first waits for it, briefly.</summary>
    private Reading Current()
    {
        Task? first = null;
        lock (_gate)
        {
            if (_clock.GetUtcNow() - _last.At >= CacheFor && _refreshing is not { IsCompleted: false })
            {
                _refreshing = Task.Run(RefreshAsync);
                if (_last.At == DateTimeOffset.MinValue)
                {
                    first = _refreshing;
                }
            }
        }

        first?.Wait(TimeSpan.FromSeconds(2));
        return _last;
    }

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
            var pending = db.Outbox.Where(m => m.Status == OutboxStatus.Pending);
            var count = await pending.CountAsync();
            var oldest = count == 0 ? null : await pending.MinAsync(m => (DateTime?)m.CreatedAt);
            _last = new Reading(count, oldest, _clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The database is away: the last reading stands until the next try (the loops log the outage).
            _last = _last with { At = _clock.GetUtcNow() };
        }
    }

    private sealed record Reading(int Pending, DateTime? Oldest, DateTimeOffset At);
}

using ChatCrm.Bot.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// How an instance that does not send tells the one that does that rows are waiting, on PostgreSQL: a
/// <c>NOTIFY chatcrm_outbox</c> after each commit with outbox rows (coalesced: one in flight, one more queued), heard by
/// every instance's <c>LISTEN</c>. The listener only wakes its own dispatcher, which reads what other transactions
/// committed (see <see cref="OutboxDispatcher"/>); a ring never rings again. Without it the sender would see another
/// instance's rows only at its 10-second rescan. On SQLite there is one process and this does nothing.
/// </summary>
internal sealed class PostgresOutboxBell(
    IOptions<DatabaseOptions> database,
    IConfiguration configuration,
    OutboxSignal signal,
    ISenderLease lease,
    DatabaseOutage outage,
    ILogger<PostgresOutboxBell> log) : BackgroundService
{
    internal const string Channel = "chatcrm_outbox";
    private const string Source = "outbox bell";

    private readonly TimeProvider _clock = TimeProvider.System;
    private string _connectionString = "";
    private int _ringing;
    private int _again;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.IsPostgres)
        {
            _connectionString = configuration.GetConnectionString("ChatCrm") ?? "";
            signal.Ring = Ring;
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!database.Value.IsPostgres)
        {
            return;
        }

        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString)
                {
                    // A listening connection is held for good: keep it out of the pool, and let the server notice a dead peer.
                    Pooling = false,
                    KeepAlive = 15,
                }.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, _) => signal.Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                outage.Succeeded(Source);
                // Rings may have been missed while not listening.
                signal.Wake();
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (!outage.Failed(Source, e))
                {
                    log.LogError(e, "The outbox listener lost its connection; listening again in a second");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), _clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Called after a commit with outbox rows; returns at once. The sender itself needs no ring.</summary>
    private void Ring()
    {
        if (lease.Held)
        {
            return;
        }

        Volatile.Write(ref _again, 1);
        if (Interlocked.CompareExchange(ref _ringing, 1, 0) == 0)
        {
            _ = Task.Run(RingAsync);
        }
    }

    private async Task RingAsync()
    {
        try
        {
            while (Interlocked.Exchange(ref _again, 0) == 1)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(_connectionString);
                    await connection.OpenAsync();
                    await using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection);
                    await notify.ExecuteNonQueryAsync();
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    // The sender's 10-second rescan finds the rows anyway; the outage itself is logged by the loops.
                    log.LogDebug(e, "Could not ring the sender");
                    return;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _ringing, 0);
            if (Volatile.Read(ref _again) == 1 && Interlocked.CompareExchange(ref _ringing, 1, 0) == 0)
            {
                _ = Task.Run(RingAsync);
            }
        }
    }
}

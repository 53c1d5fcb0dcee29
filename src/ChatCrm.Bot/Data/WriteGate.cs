using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Data;

/// <summary>
/// The queue in front of SQLite's one write transaction, for the update pipeline's units of work. SQLite lets one
/// writer in at a time and makes the others poll its busy handler, which sleeps between tries (1 ms, 2, 5, … up to
/// 100 ms) on a thread-pool thread: under 40 concurrent updates most of the time went on sleeping writers and the lock
/// stood idle between them. Here the writers wait in order (<see cref="SemaphoreSlim"/> releases async waiters first in,
/// first out) without a thread, and the next one starts the moment the current one commits; what an update does before
/// its transaction (reading the request, parsing, renting a context, opening its connection) overlaps the current
/// write. On PostgreSQL, which has real concurrent writers, the gate lets everyone through.
/// </summary>
/// <remarks>
/// Only the pipeline's transactions queue here; other writers (the dispatcher, the scheduler, the board) still meet
/// the pipeline in SQLite's own lock, as before. A waiter gives up after <see cref="Timeout"/> — SQLite's own
/// <c>busy_timeout</c> — with a <see cref="TimeoutException"/>, which the pipeline treats like "database is locked": not
/// committed, the transport answers 503 and Telegram delivers the update again. Never enter it twice in one flow.
/// </remarks>
internal sealed class WriteGate(IOptions<DatabaseOptions> options)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _open = options.Value.IsPostgres || !options.Value.WriteGate;

    /// <summary>Waits for this writer's turn; dispose the result (after the commit or the rollback) to let the next one in.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (_open)
        {
            return default;
        }

        if (!await _gate.WaitAsync(Timeout, ct))
        {
            throw new TimeoutException($"The database stayed busy for {Timeout.TotalSeconds:0} s: the update is left to be delivered again.");
        }

        return new Turn(_gate);
    }

    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}

namespace ChatCrm.Bot.Data;

/// <summary>
/// Keeps a database outage to a few log lines. The background loops (the outbox dispatcher, the waiting updates, the
/// import worker, the scheduler, polling) retry every second or so; each logging its failure with a stack trace made
/// about 80 error lines a second. They report here instead: the first failure is one warning (the error's message, no
/// stack trace), then at most one "still unavailable" line a minute while any loop still fails, and one line when the
/// last failing loop gets through again. The loops themselves keep retrying, so the bot recovers on its own.
/// </summary>
public sealed class DatabaseOutage(TimeProvider time, ILogger<DatabaseOutage> log)
{
    /// <summary>How often an ongoing outage is mentioned again.</summary>
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _failing = [];
    private DateTimeOffset _since;
    private DateTimeOffset _reported;
    private int _failures;
    private volatile bool _down;

    /// <summary>True between the first failure and the recovery.</summary>
    public bool IsDown => _down;

    /// <summary>
    /// A loop's work failed. Returns true when the failure is the database being unavailable, and it was taken care of
    /// here (logged, or not, as the outage goes); false for any other failure, which the caller logs as before.
    /// </summary>
    /// <param name="source">The loop, in words: "outbox dispatcher", "waiting updates", …</param>
    public bool Failed(string source, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!IsUnavailable(error))
        {
            return false;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            _failing.Add(source);
            _failures++;
            if (!_down)
            {
                _down = true;
                _since = _reported = now;
                _failures = 1;
                log.LogWarning("The database is unavailable ({Source}: {Error}); retrying quietly, reported again once a minute while it lasts",
                    source, Message(error));
            }
            else if (now - _reported >= ReportEvery)
            {
                _reported = now;
                log.LogWarning("The database is still unavailable for {Seconds} s ({Failures} failed tries; failing: {Sources}): {Error}",
                    (long)(now - _since).TotalSeconds, _failures, string.Join(", ", _failing.Order(StringComparer.Ordinal)), Message(error));
            }
        }

        return true;
    }

    /// <summary>A loop got through to the database. Cheap when nothing is down: the loops call it on every round.</summary>
    public void Succeeded(string source)
    {
        if (!_down)
        {
            return;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_down || !_failing.Remove(source) || _failing.Count > 0)
            {
                return;
            }

            _down = false;
            log.LogWarning("The database is available again after {Seconds} s ({Failures} failed tries); everything resumes",
                (long)(now - _since).TotalSeconds, _failures);
        }
    }

    /// <summary>
    /// The database cannot be reached or opened right now, as opposed to a query or a row at fault: what
    /// <see cref="DbErrors.IsTransient"/> calls transient (a SQLite file busy or that cannot be opened, a PostgreSQL
    /// connection lost or refused).
    /// </summary>
    public static bool IsUnavailable(Exception error) => DbErrors.IsTransient(error);

    private static string Message(Exception error) => error.GetBaseException().Message;
}

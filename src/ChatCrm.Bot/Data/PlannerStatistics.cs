using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Data;

/// <summary>
/// SQLite's query planner statistics, brought up to date where tables grew or shrank, hourly by Housekeeping (the
/// statistics are kept in the file). Without them the planner guesses between indexes that share a prefix: the
/// digest's open deals per stage went through a narrower index and the table (~300 ms at 125k open deals) instead of
/// the covering one (~30 ms). A full analysis where needed (1.3 s the first time on a 1M-client file, ~20 ms when
/// nothing changed); SQLite's sampled one (0x10) left the weekly digest at ~700 ms instead of ~490. Not at start: it
/// cost every start ~1.1 s in the start benchmark. PostgreSQL's autovacuum does this there.
/// </summary>
public static class PlannerStatistics
{
    public static async Task RefreshAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            // 0x10002: analyze where it helps (0x2), checking every table, not only those this connection used (0x10000).
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize = 0x10002;", ct);
        }
    }
}

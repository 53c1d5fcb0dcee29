using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Data;

/// <summary>
/// SQLite's query planner statistics, brought up to date where tables grew or shrank: at start (DatabaseInitializer),
/// then hourly (Housekeeping). Without them the planner guesses between indexes that share a prefix: the digest's open
/// deals per stage went through a narrower index and the table (~300 ms at 125k open deals) instead of the covering one
/// (~30 ms). A no-op when little changed; SQLite bounds each table's analysis itself. PostgreSQL's autovacuum does this.
/// </summary>
public static class PlannerStatistics
{
    public static async Task RefreshAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            // 0x10002: analyze where it helps, checking every table, not only those this connection has used.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize = 0x10002;", ct);
        }
    }
}

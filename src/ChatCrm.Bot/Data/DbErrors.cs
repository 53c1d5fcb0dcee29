using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChatCrm.Bot.Data;

internal static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>SQLITE_IOERR: the file could not be read or written (a disk gone, a mount lost).</summary>
    internal const int SqliteIoError = 10;

    /// <summary>SQLITE_CANTOPEN: the file or its folder is not there, or not ours to open.</summary>
    internal const int SqliteCantOpen = 14;

    /// <summary>A unique key refused the row: the same update or message was already committed.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The database could not do it now but may in a moment: SQLite busy or locked past its timeout (a crowd of writers
    /// after a restart), a SQLite file that cannot be opened or read (its disk or mount away), a PostgreSQL connection
    /// lost, a serialization failure or deadlock. Such an update must not be answered as done — the transport refuses
    /// it and Telegram delivers it again.
    /// </summary>
    public static bool IsTransient(Exception e)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SqliteException s when s.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen or SqliteIoError:
                case NpgsqlException { IsTransient: true }:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}

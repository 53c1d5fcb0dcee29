using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Data;

internal static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/chatcrm.db";

    /// <summary>
    /// Registers <see cref="ChatCrmDbContext"/> on the provider named by Database:Provider. Configuration is
    /// read when the first context is made, not at registration: hosts and tests add settings late.
    /// </summary>
    /// <remarks>
    /// Contexts come from a pool with options built once per host: every update and every dispatcher pass opens a
    /// scope, and a fresh context with freshly built options (connection string parsed, folder created, EF's
    /// provider-cache key hashed, EF's scoped services created) cost about 70 µs and 60 KB each in the throughput
    /// benchmark. A pooled context is reset when its scope ends, so no state crosses from one update to the next.
    /// </remarks>
    public static IServiceCollection AddChatCrmDatabase(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<ChatCrmDbContext>((sp, options) =>
            QuietRebuilds(QuietFailures(options.UseSqlite(PrepareSqlite(ConnectionString(sp) ?? DefaultSqlite))
                .AddInterceptors([SqlitePragmas.Instance, LazySavepoints.Instance, .. sp.GetServices<ISaveChangesInterceptor>()]))));
        services.AddPooledDbContextFactory<PostgresChatCrmDbContext>((sp, options) =>
            QuietFailures(options.UseNpgsql(ConnectionString(sp) ?? throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:ChatCrm is empty."))
                .AddInterceptors([LazySavepoints.Instance, .. sp.GetServices<ISaveChangesInterceptor>()])));
        services.AddScoped<ChatCrmDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
                ? sp.GetRequiredService<IDbContextFactory<PostgresChatCrmDbContext>>().CreateDbContext()
                : sp.GetRequiredService<IDbContextFactory<ChatCrmDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// EF Core logs every failed connection, command, query and save as an error with its stack trace, before the
    /// exception reaches code that catches it. That code logs what failed in its own terms (and a database outage once a
    /// minute, <see cref="DatabaseOutage"/>), so EF's copies go to Debug: during an outage they were most of the
    /// 80 error lines a second.
    /// <para>EF also compares the model with the migrations' snapshot on every <c>Migrate</c>, to refuse a model change
    /// that has no migration: 250–450 ms of every start (and of every test host) on a database already up to date. That
    /// is a developer's mistake, caught where developers look — <c>MigrationTests</c> asks both providers'
    /// <c>HasPendingModelChanges</c> — not by each start in production.</para>
    /// </summary>
    private static DbContextOptionsBuilder QuietFailures(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug))
            .Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>
    /// SQLite cannot alter a column or a key in place, so EF rebuilds the table, and turns foreign keys off around the
    /// rebuild with a <c>PRAGMA</c> that cannot run inside a transaction. EF warns of that once per such migration (two of
    /// them so far), and a newcomer's first <c>dotnet run</c> on an empty database opened with two alarming paragraphs
    /// about migrations "left in a partially applied state". They are EF's own rebuilds, so the note goes to Debug.
    /// </summary>
    private static DbContextOptionsBuilder QuietRebuilds(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));

    private static string? ConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<IConfiguration>().GetConnectionString("ChatCrm");

    /// <summary>Makes sure the folder of a file database exists, so the default works in a fresh clone.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Per-connection settings: wait for a busy writer instead of failing, and NORMAL sync, which in WAL
    /// mode survives a killed process (not a power cut) at a fraction of FULL's cost per commit.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Prepare(connection);
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Prepare(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        /// <summary>
        /// A write that failed with "database is locked" can leave its transaction open (its rollback is refused while
        /// the failed statement is still in progress). Going back to the pool like that, the connection would keep its
        /// lock — every other writer waiting on it — and the next unit of work to get it would fail with "cannot start a
        /// transaction within a transaction". So it is rolled back when it is closed, and again, should that fail, when
        /// it is opened.
        /// </summary>
        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            if (InTransaction(connection))
            {
                try
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "ROLLBACK;";
                    command.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // Still refused: the guard in Prepare rolls it back when the connection is next opened.
                }
            }

            return result;
        }

        public override async ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result)
        {
            if (InTransaction(connection))
            {
                try
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "ROLLBACK;";
                    await command.ExecuteNonQueryAsync();
                }
                catch (SqliteException)
                {
                    // Still refused: the guard in Prepare rolls it back when the connection is next opened.
                }
            }

            return result;
        }

        private static string Prepare(DbConnection connection) => InTransaction(connection) ? "ROLLBACK; " + Pragmas : Pragmas;

        private static bool InTransaction(DbConnection connection) =>
            connection is SqliteConnection { State: ConnectionState.Open, Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;
    }
}

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
            options.UseSqlite(PrepareSqlite(ConnectionString(sp) ?? DefaultSqlite)).AddInterceptors(SqlitePragmas.Instance));
        services.AddPooledDbContextFactory<PostgresChatCrmDbContext>((sp, options) =>
            options.UseNpgsql(ConnectionString(sp) ?? throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:ChatCrm is empty.")));
        services.AddScoped<ChatCrmDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
                ? sp.GetRequiredService<IDbContextFactory<PostgresChatCrmDbContext>>().CreateDbContext()
                : sp.GetRequiredService<IDbContextFactory<ChatCrmDbContext>>().CreateDbContext());
        return services;
    }

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
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

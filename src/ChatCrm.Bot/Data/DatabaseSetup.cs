using System.Data.Common;
using ChatCrm.Bot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Bot.Data;

internal static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/chatcrm.db";

    public static IServiceCollection AddChatCrmDatabase(this IServiceCollection services)
    {
        // Read when the first context is made, not at registration: hosts and tests add configuration late.
        services.AddDbContext<ChatCrmDbContext>((sp, options) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var provider = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var connectionString = config.GetConnectionString("ChatCrm");
            if (provider.IsPostgres)
            {
                options.UseNpgsql(connectionString ?? throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:ChatCrm is empty."));
            }
            else
            {
                options.UseSqlite(PrepareSqlite(connectionString ?? DefaultSqlite))
                    .AddInterceptors(SqlitePragmas.Instance);
            }
        });
        return services;
    }

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

using System.Data.Common;
using ChatCrm.Bot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// The options are built once per host, not once per scope: every update and every dispatcher pass opens a
    /// scope, and rebuilding them each time (connection string parsed, folder created, EF's provider cache key
    /// hashed) cost about 30 µs and 18 KB per context in the throughput benchmark.
    /// </remarks>
    public static IServiceCollection AddChatCrmDatabase(this IServiceCollection services)
    {
        services.AddDbContext<ChatCrmDbContext>((sp, options) =>
            options.UseSqlite(PrepareSqlite(ConnectionString(sp) ?? DefaultSqlite)).AddInterceptors(SqlitePragmas.Instance),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<PostgresChatCrmDbContext>((sp, options) =>
            options.UseNpgsql(ConnectionString(sp) ?? throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:ChatCrm is empty.")),
            optionsLifetime: ServiceLifetime.Singleton);
        services.Replace(ServiceDescriptor.Scoped<ChatCrmDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
                ? sp.GetRequiredService<PostgresChatCrmDbContext>()
                : new ChatCrmDbContext(sp.GetRequiredService<DbContextOptions<ChatCrmDbContext>>())));
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

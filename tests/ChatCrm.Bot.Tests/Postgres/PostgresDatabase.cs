using System.Threading.Channels;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// A throw-away database on the CHATCRM_TEST_POSTGRES server: the settings that start the bot on it, and its drop once
/// the bot has stopped. Started without <see cref="CreateAsync"/> the bot's migrations create it; with it, it is a copy
/// of a template database migrated once per test run.
/// </summary>
/// <remarks>
/// A test's own drop (<see cref="DropAsync()"/>) happens behind it, one database at a time, and the test run waits for
/// the last one at its end: five hundred tests each waited a tenth of a second for theirs, on a server busy with the
/// other tests' copies.
/// </remarks>
public sealed class PostgresDatabase : TestDatabase
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;
    private static readonly Channel<string> Drops = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private static readonly Lazy<Task> Dropper = new(() =>
    {
        var dropping = Task.Run(async () =>
        {
            await foreach (var name in Drops.Reader.ReadAllAsync())
            {
                try
                {
                    await DropAsync(name);
                }
                catch (NpgsqlException e)
                {
                    // One database left on a throwaway server must not stop the drops after it, or fail the run at its end.
                    Console.Error.WriteLine($"Test database {name} was not dropped: {e.Message}");
                }
            }
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Drops.Writer.TryComplete();
            dropping.Wait(TimeSpan.FromSeconds(30));
        };
        return dropping;
    });

    private string _name = NewName();
    private bool _created;

    private static string NewName() => "chatcrm_test_" + Guid.NewGuid().ToString("N")[..12];

    private static string Server => Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? "";

    public override bool IsPostgres => true;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    public override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:ChatCrm"] = ConnectionString,
    };

    /// <summary>This database as a copy of the migrated template: the bot then finds every migration applied.</summary>
    public override async Task CreateAsync()
    {
        if (_created)
        {
            return;
        }

        var template = await TemplateAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // FILE_COPY copies the template's files; the default (WAL_LOG, PostgreSQL 15) writes its 10 MB through the
                // write-ahead log, five times the server's work per copy.
                await ExecuteAsync($"CREATE DATABASE \"{_name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
                _created = true;
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 40)
            {
                // An autovacuum worker in the template blocks the copy for a moment.
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The rows of a table, read straight from PostgreSQL: proof that a test's world was stored there.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Hands the database to the dropper, which drops it behind the test; a later <see cref="CreateAsync"/> makes a
    /// fresh one under a new name.
    /// </summary>
    public override Task DropAsync()
    {
        _ = Dropper.Value;
        Drops.Writer.TryWrite(_name);
        _name = NewName();
        _created = false;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Drops a test database on the CHATCRM_TEST_POSTGRES server. An autovacuum worker busy in it belongs to no role, so
    /// <c>WITH (FORCE)</c> from a role without pg_signal_backend is refused (42501) until the worker is done: wait and retry.
    /// </summary>
    public static async Task DropAsync(string name)
    {
        // This database's idle connections only: clearing every pool made the tests running beside it connect anew.
        await using (var pooled = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 40)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The database every <see cref="CreateAsync"/> copies: migrated once per test run (without pooling, so no session
    /// stays in it to block the copies) and dropped when the test process ends.
    /// </summary>
    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var name = "chatcrm_template_" + Guid.NewGuid().ToString("N")[..12];
            var connection = new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ConnectionString;
            await using (var db = new PostgresChatCrmDbContext(new DbContextOptionsBuilder<PostgresChatCrmDbContext>().UseNpgsql(connection).Options))
            {
                await db.Database.MigrateAsync();
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAsync(name).GetAwaiter().GetResult();
            return _template = name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }
}

using Npgsql;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// A throw-away database on the CHATCRM_TEST_POSTGRES server: the settings that start the bot on it (its migrations
/// create it), and its drop once the bot has stopped.
/// </summary>
public sealed class PostgresDatabase
{
    private readonly string _name = "chatcrm_test_" + Guid.NewGuid().ToString("N")[..12];

    private static string Server => Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? "";

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:ChatCrm"] = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString,
    };

    /// <summary>The rows of a table, read straight from PostgreSQL: proof that a test's world was stored there.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public Task DropAsync() => DropAsync(_name);

    /// <summary>
    /// Drops a test database on the CHATCRM_TEST_POSTGRES server. An autovacuum worker busy in it belongs to no role, so
    /// <c>WITH (FORCE)</c> from a role without pg_signal_backend is refused (42501) until the worker is done: wait and retry.
    /// </summary>
    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(Server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 40)
            {
                await Task.Delay(250);
            }
        }
    }
}

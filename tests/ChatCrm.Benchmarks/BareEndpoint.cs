using System.Text.Json;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The floor the webhook is compared with (DESIGN §10): bare Kestrel that parses the same update JSON and does one
/// SQLite INSERT per request, on a WAL file with the bot's per-connection pragmas. The benchmark runs it as a child
/// process of its own (`--bare-server`), as the bot runs, so both sides are measured the same way.
/// </summary>
internal static class BareEndpoint
{
    public const string Flag = "--bare-server";

    // As DatabaseSetup.SqlitePragmas runs them on every connection the bot opens.
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    /// <summary>
    /// The same statements the bot's unit of work runs for <c>/cancel</c>, written by hand (`--sql-floor-server`): what
    /// SQLite itself costs per update, so that the rest of the bot's time can be told apart from it.
    /// </summary>
    public const string SqlFloorFlag = "--sql-floor-server";

    public static string ConnectionString(string database) => $"Data Source={database}";

    /// <summary>
    /// On a migrated bot database with its members: open (pooled) and the pragmas, as the bot's interceptor does; then in
    /// one transaction the dedup insert, the user read by Telegram id (every column read), a savepoint, the reply's outbox
    /// row (its payload serialised as the bot does), the release and the commit: the statements EF Core logs for one
    /// update of the throughput run, in that order, and nothing else.
    /// </summary>
    public static async Task ServeSqlFloorAsync(string url, string database)
    {
        var connectionString = ConnectionString(database);
        var replyText = "Нечего отменять: сейчас вы ничего не вводите.";
        await ServeWithAsync(url, async (updateId, chatId, text, ct) =>
        {
            await using var connection = await OpenAsync(connectionString, ct);

            var now = DateTime.UtcNow;
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using (var dedup = connection.CreateCommand())
            {
                dedup.CommandText = "INSERT INTO \"ProcessedUpdates\" (\"UpdateId\", \"ProcessedAt\") VALUES ($u, $at) ON CONFLICT DO NOTHING";
                dedup.Parameters.AddWithValue("$u", updateId);
                dedup.Parameters.AddWithValue("$at", now);
                if (await dedup.ExecuteNonQueryAsync(ct) != 1)
                {
                    throw new InvalidOperationException("A fresh update id was taken for a repeat.");
                }
            }

            await using (var user = connection.CreateCommand())
            {
                user.CommandText = "SELECT * FROM \"Users\" WHERE \"TelegramId\" = $t LIMIT 1";
                user.Parameters.AddWithValue("$t", chatId);
                await using var reader = await user.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException($"No member {chatId}.");
                }

                var values = new object[reader.FieldCount];
                reader.GetValues(values);
            }

            await tx.SaveAsync("handler", ct);
            await using (var outbox = connection.CreateCommand())
            {
                outbox.CommandText = """
                    INSERT INTO "Outbox" ("Attempts", "ChatId", "CreatedAt", "DedupKey", "Error", "ExpiresAt", "Kind", "NextAttemptAt", "Payload", "Priority", "SendingAt", "SentAt", "Status", "TelegramMessageId")
                    VALUES (0, $c, $at, $k, NULL, $exp, 1, NULL, $p, 1, NULL, NULL, 0, NULL)
                    RETURNING "Id"
                    """;
                outbox.Parameters.AddWithValue("$c", chatId);
                outbox.Parameters.AddWithValue("$at", now);
                outbox.Parameters.AddWithValue("$k", $"u{updateId}:0");
                outbox.Parameters.AddWithValue("$exp", now.AddHours(1));
                outbox.Parameters.AddWithValue("$p", JsonSerializer.Serialize(new MessagePayload(replyText, null)));
                await outbox.ExecuteScalarAsync(ct);
            }

            await tx.ReleaseAsync("handler", ct);
            await tx.CommitAsync(ct);
        });
    }

    public static async Task ServeAsync(string url, string database)
    {
        if (database.StartsWith("Host=", StringComparison.Ordinal))
        {
            await ServePostgresAsync(url, database);
            return;
        }

        var connectionString = ConnectionString(database);
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS Received (UpdateId INTEGER PRIMARY KEY, ChatId INTEGER NOT NULL, Text TEXT NOT NULL, ReceivedAt TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync();
        }

        await ServeWithAsync(url, async (updateId, chatId, text, ct) =>
        {
            await using var connection = await OpenAsync(connectionString, ct);

            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Received (UpdateId, ChatId, Text, ReceivedAt) VALUES ($u, $c, $t, $at)";
            insert.Parameters.AddWithValue("$u", updateId);
            insert.Parameters.AddWithValue("$c", chatId);
            insert.Parameters.AddWithValue("$t", text);
            insert.Parameters.AddWithValue("$at", DateTime.UtcNow);
            await insert.ExecuteNonQueryAsync(ct);
        });
    }

    /// <summary>A pooled connection with the pragmas the bot's interceptor runs on every connection it opens.</summary>
    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        await pragmas.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>The same floor on PostgreSQL: one pooled INSERT per request (the bot's own pooling).</summary>
    private static async Task ServePostgresAsync(string url, string connectionString)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var create = source.CreateCommand(
            "CREATE TABLE IF NOT EXISTS \"Received\" (\"UpdateId\" bigint PRIMARY KEY, \"ChatId\" bigint NOT NULL, \"Text\" text NOT NULL, \"ReceivedAt\" timestamp NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await ServeWithAsync(url, async (updateId, chatId, text, ct) =>
        {
            await using var insert = source.CreateCommand("INSERT INTO \"Received\" VALUES ($1, $2, $3, $4)");
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = updateId });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = chatId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
            await insert.ExecuteNonQueryAsync(ct);
        });
    }

    /// <summary>Kestrel parsing each update as the bot does and storing it with <paramref name="store"/>.</summary>
    private static async Task ServeWithAsync(string url, Func<long, long, string, CancellationToken, Task> store)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapPost(TelegramOptions.WebhookPath, async (HttpRequest request, CancellationToken ct) =>
        {
            var update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, ct);
            if (update?.Message is not { From: { } from } message)
            {
                return Results.BadRequest();
            }

            await store(update.Id, from.Id, message.Text ?? "", ct);
            return Results.Ok();
        });
        await app.RunAsync();
    }
}

using System.Text.Json;
using ChatCrm.Bot.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
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

    public static string ConnectionString(string database) => $"Data Source={database}";

    public static async Task ServeAsync(string url, string database)
    {
        var connectionString = ConnectionString(database);
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS Received (UpdateId INTEGER PRIMARY KEY, ChatId INTEGER NOT NULL, Text TEXT NOT NULL, ReceivedAt TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync();
        }

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

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = Pragmas;
                await pragmas.ExecuteNonQueryAsync(ct);
            }

            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Received (UpdateId, ChatId, Text, ReceivedAt) VALUES ($u, $c, $t, $at)";
            insert.Parameters.AddWithValue("$u", update.Id);
            insert.Parameters.AddWithValue("$c", from.Id);
            insert.Parameters.AddWithValue("$t", message.Text ?? "");
            insert.Parameters.AddWithValue("$at", DateTime.UtcNow);
            await insert.ExecuteNonQueryAsync(ct);
            return Results.Ok();
        });
        await app.RunAsync();
    }
}

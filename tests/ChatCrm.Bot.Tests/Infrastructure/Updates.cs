using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>Update JSON as Telegram sends it: the shared fixtures, and builders for the cases tests need.</summary>
public static class Updates
{
    private static int _nextId = 900_000_000;

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));

    public static int NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>A private message; <paramref name="updateId"/> lets a test deliver the same update twice.</summary>
    public static string Text(long from, string text, string? languageCode = "ru", string? firstName = null,
        string? lastName = null, string? username = null, int? updateId = null)
    {
        firstName ??= NameOf(from);
        var user = new JsonObject { ["id"] = from, ["is_bot"] = false, ["first_name"] = firstName };
        if (lastName is not null)
        {
            user["last_name"] = lastName;
        }

        if (username is not null)
        {
            user["username"] = username;
        }

        if (languageCode is not null)
        {
            user["language_code"] = languageCode;
        }

        var message = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, 1_000_000),
            ["from"] = user,
            ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private", ["first_name"] = firstName },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
        }

        return new JsonObject { ["update_id"] = updateId ?? NextId(), ["message"] = message }.ToJsonString();
    }

    /// <summary>
    /// A private message carrying a file, as Telegram shapes it: a <c>document</c> with its name, MIME type, ids and size,
    /// and the caption typed under it (no text).
    /// </summary>
    public static string Document(long from, string fileId, string fileUniqueId, long fileSize, string fileName, string? caption = null,
        string? languageCode = "ru", string? firstName = null)
    {
        firstName ??= NameOf(from);
        var user = new JsonObject { ["id"] = from, ["is_bot"] = false, ["first_name"] = firstName };
        if (languageCode is not null)
        {
            user["language_code"] = languageCode;
        }

        var message = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, 1_000_000),
            ["from"] = user,
            ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private", ["first_name"] = firstName },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["document"] = new JsonObject
            {
                ["file_name"] = fileName,
                ["mime_type"] = MimeTypeOf(fileName),
                ["file_id"] = fileId,
                ["file_unique_id"] = fileUniqueId,
                ["file_size"] = fileSize,
            },
        };
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return new JsonObject { ["update_id"] = NextId(), ["message"] = message }.ToJsonString();
    }

    /// <summary>What Telegram reports for a file by its name, as the apps send it.</summary>
    private static string MimeTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xls" => "application/vnd.ms-excel",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };

    /// <summary>The configured admin is Анна in every test; everybody else is Иван unless a test names them.</summary>
    private static string NameOf(long from) => from == ChatCrmApp.AdminId ? "Анна" : "Иван";

    /// <summary>A button tap on a message the bot sent earlier.</summary>
    public static string Tap(long from, string data, int messageId = 500, string? languageCode = "ru", string? firstName = null) =>
        new JsonObject
        {
            ["update_id"] = NextId(),
            ["callback_query"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString("N"),
                ["from"] = new JsonObject { ["id"] = from, ["is_bot"] = false, ["first_name"] = firstName ?? NameOf(from), ["language_code"] = languageCode },
                ["chat_instance"] = "1",
                ["data"] = data,
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" },
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["text"] = "…",
                },
            },
        }.ToJsonString();
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>One request the bot made: the method, its JSON parameters, when it arrived and what we answered.</summary>
/// <summary>A file a chat received: its name, its bytes and the caption under it.</summary>
public sealed record SentFile(string FileName, byte[] Content, string? CaptionHtml);

public sealed record ApiCall(string Method, JsonObject Body, DateTime At, int Status)
{
    public long? ChatId => Body["chat_id"] is { } c && long.TryParse(c.ToString(), CultureInfo.InvariantCulture, out var id) ? id : null;
    public string? Text => Body["text"]?.GetValue<string>();

    /// <summary>Sent with <c>allow_paid_broadcast: true</c> (Telegram:AllowPaidBroadcast).</summary>
    public bool Paid => FakeBotApi.IsPaid(Body);
    public bool Ok => Status == 200;
}

/// <summary>What a test wants the fake to answer instead of success.</summary>
public sealed record FakeAnswer(int Status, string Description, int? RetryAfter = null, bool Hang = false)
{
    public static FakeAnswer TooManyRequests(int retryAfter) => new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
    public static FakeAnswer Forbidden => new(403, "Forbidden: bot was blocked by the user");
    public static FakeAnswer BadRequest => new(400, "Bad Request: can't parse entities");
    public static FakeAnswer ServerError => new(500, "Internal Server Error");
    public static FakeAnswer NoAnswer => new(0, "", Hang: true);
}

/// <summary>
/// A Bot API server on 127.0.0.1 that the real Telegram.Bot client talks HTTP to. It records every
/// call, answers like Telegram, can be told to fail, and (when asked) enforces Telegram's limits:
/// more than 30 messages in any second (of those sent without <c>allow_paid_broadcast</c>), more than 1,000 in any
/// second (all of them, paid or not), or two to one chat within a second (paid or not) earn a 429 with retry_after and a
/// recorded violation. Calls are stamped on <see cref="Clock"/>: the real one unless a test runs the bot's send clock
/// fast, and then the same fake, so that the limits are counted on the timeline the bot paces on.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-fake-token_0";
    public const long BotId = 7000001;
    public const string BotUsername = "chatcrm_bot";
    private static readonly string[] MessageMethods = ["sendMessage", "editMessageText", "sendPhoto", "sendDocument"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly ConcurrentQueue<string> _updates = new();
    private readonly List<(DateTime At, long? Chat, bool Paid)> _accepted = [];
    private readonly Lock _limits = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, StoredFile> _files = new();
    private int _messageId = 1000;
    private int _fileNumber;

    private FakeBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Decides an answer per call; null means success. Runs on the server's threads.</summary>
    public Func<string, JsonObject, FakeAnswer?>? Behaviour { get; set; }

    public bool EnforceLimits { get; set; }

    /// <summary>What stamps the calls (<see cref="ApiCall.At"/>) and counts the limits.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Telegram's free limit, messages a second per bot; with allow_paid_broadcast, <see cref="PaidPerSecond"/>.</summary>
    public const int FreePerSecond = 30;
    public const int PaidPerSecond = 1000;

    internal static bool IsPaid(JsonObject body) => body["allow_paid_broadcast"]?.ToString() is "true" or "True";

    public ConcurrentQueue<string> Violations { get; } = new();

    public IReadOnlyList<ApiCall> Calls => [.. _calls];

    public static async Task<FakeBotApi> StartAsync()
    {
        // The fake stamps each call as it arrives to check Telegram's limits. When this process's thread pool is short of
        // threads (it grows by about one a second once starved), requests wait unseen and are then stamped together, as
        // a burst the bot never sent: a process on the other side of the wire (bot processes are) then earns false 429s.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeBotApi(builder.Build());
        fake._app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        fake._app.MapGet("/file/bot{token}/{**path}", fake.DownloadAsync);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address;
        return fake;
    }

    /// <summary>The Bot API refuses getFile for anything larger: a bot cannot download it.</summary>
    public const long DownloadLimit = 20 * 1024 * 1024;

    /// <summary>
    /// A file a user sent, as Telegram keeps it: getFile answers with its path, and GET /file/bot&lt;token&gt;/&lt;path&gt; serves
    /// the bytes. <paramref name="reportedSize"/> stands in for a file too big to hold in a test (Telegram's file_size).
    /// </summary>
    public (string FileId, string FileUniqueId, long FileSize) RegisterFile(byte[] content, string fileName, long? reportedSize = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var n = Interlocked.Increment(ref _fileNumber);
        var fileId = $"BQACAgIAAxkBAAI{n:D6}{Guid.NewGuid():N}"[..40];
        var uniqueId = $"AgAD{n:D6}";
        var extension = Path.GetExtension(fileName);
        var file = new StoredFile(fileId, uniqueId, content, reportedSize ?? content.Length, $"documents/file_{n}{extension}");
        _files[fileId] = file;
        return (fileId, uniqueId, file.Size);
    }

    /// <summary>Queues an update for the next getUpdates (long polling).</summary>
    public void EnqueueUpdate(string json) => _updates.Enqueue(json);

    public IReadOnlyList<ApiCall> Delivered(string method = "sendMessage") =>
        Calls.Where(c => c.Method == method && c.Ok).ToList();

    public IReadOnlyList<ApiCall> DeliveredTo(long chatId, string method = "sendMessage") =>
        Delivered(method).Where(c => c.ChatId == chatId).ToList();

    /// <summary>The files sent to a chat (sendDocument), with the name and bytes Telegram would have received.</summary>
    public IReadOnlyList<SentFile> DocumentsTo(long chatId) =>
        DeliveredTo(chatId, "sendDocument").Select(c =>
        {
            // Telegram.Bot names the file part and points at it: "document": "attach://0".
            var part = c.Body["document"]?.GetValue<string>() is { } reference && reference.StartsWith("attach://", StringComparison.Ordinal)
                ? c.Body[reference["attach://".Length..]] as JsonObject
                : null;
            return part is null
                ? throw new InvalidOperationException("sendDocument arrived without its file part")
                : new SentFile(part["filename"]!.GetValue<string>(), Convert.FromBase64String(part["content"]!.GetValue<string>()), c.Body["caption"]?.GetValue<string>());
        }).ToList();

    /// <summary>Waits (polling, bounded) until a condition on the recorded calls holds; fails the test otherwise.</summary>
    public async Task<IReadOnlyList<ApiCall>> WaitForAsync(Func<IReadOnlyList<ApiCall>, bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        // Past one 10-second outbox rescan: on PostgreSQL concurrent commits land out of id order and such a row waits
        // for that rescan (DESIGN §9, issue 11). A condition that holds returns at once whatever the limit.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(25));
        while (DateTime.UtcNow < deadline)
        {
            var calls = Calls;
            if (condition(calls))
            {
                return calls;
            }

            await Task.Delay(20);
        }

        var seen = string.Join("\n", Calls.Select(c => $"{c.Method} {c.Status} {c.Body.ToJsonString()}"));
        throw new TimeoutException($"Fake Bot API: condition not met in time ({because}). Calls:\n{seen}");
    }

    public Task<IReadOnlyList<ApiCall>> WaitForMessagesAsync(long chatId, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(calls => calls.Count(c => c.Method == "sendMessage" && c.Ok && c.ChatId == chatId) >= count, timeout, $"{count} message(s) to {chatId}")
            .ContinueWith(t => (IReadOnlyList<ApiCall>)t.Result.Where(c => c.Method == "sendMessage" && c.Ok && c.ChatId == chatId).ToList(), TaskScheduler.Default);

    private async Task HandleAsync(HttpContext http, string token, string method)
    {
        // Stamped on arrival, as Telegram counts: reading a chunked body can take this process a moment under load.
        var at = Now;
        var body = await ReadBodyAsync(http.Request);
        if (token != Token)
        {
            await AnswerAsync(http, new ApiCall(method, body, Now, 401), Error(401, "Unauthorized"));
            return;
        }

        if (method == "getUpdates")
        {
            await AnswerUpdatesAsync(http, body, at);
            return;
        }

        var answer = Behaviour?.Invoke(method, body);
        if (answer is { Hang: true })
        {
            // Simulates a request lost on the way: the bot waits, nothing is delivered.
            _calls.Enqueue(new ApiCall(method, body, at, 0));
            await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token).Token)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (answer is null && MessageMethods.Contains(method) && LimitBroken(body, at) is { } violation)
        {
            Violations.Enqueue(violation);
            answer = FakeAnswer.TooManyRequests(1);
        }

        if (answer is null && method == "getFile")
        {
            answer = FileProblem(body);
        }

        var call = new ApiCall(method, body, at, answer?.Status ?? 200);
        await AnswerAsync(http, call, answer is null ? Success(method, body, at) : Error(answer.Status, answer.Description, answer.RetryAfter));
    }

    private FakeAnswer? FileProblem(JsonObject body) =>
        body["file_id"]?.ToString() is not { } id || !_files.TryGetValue(id, out var file) ? new FakeAnswer(400, "Bad Request: invalid file_id")
        : file.Size > DownloadLimit ? new FakeAnswer(400, "Bad Request: file is too big")
        : null;

    /// <summary>The file download Telegram serves outside the method calls; recorded as the call "file".</summary>
    private async Task DownloadAsync(HttpContext http, string token, string path)
    {
        var file = _files.Values.FirstOrDefault(f => f.Path == path);
        var status = token != Token ? 401 : file is null ? 404 : 200;
        _calls.Enqueue(new ApiCall("file", new JsonObject { ["file_path"] = path }, Now, status));
        http.Response.StatusCode = status;
        if (status == 200)
        {
            http.Response.ContentType = "application/octet-stream";
            http.Response.ContentLength = file!.Content.Length;
            await http.Response.Body.WriteAsync(file.Content);
        }
        else
        {
            await http.Response.WriteAsync(Error(status, status == 401 ? "Unauthorized" : "Not Found").ToJsonString());
        }
    }

    private string? LimitBroken(JsonObject body, DateTime at)
    {
        if (!EnforceLimits)
        {
            return null;
        }

        var chat = body["chat_id"] is { } c ? long.Parse(c.ToString(), CultureInfo.InvariantCulture) : (long?)null;
        var paid = IsPaid(body);
        lock (_limits)
        {
            // Only the last second matters; stamps two seconds old are dropped (a paid round accepts thousands), and
            // requests stamped a moment apart may be checked out of order.
            _accepted.RemoveAll(a => at - a.At >= TimeSpan.FromSeconds(2));
            var lastSecond = _accepted.Where(a => at - a.At < TimeSpan.FromSeconds(1)).ToList();
            if (lastSecond.Count >= PaidPerSecond)
            {
                return $"{at:O}: message {PaidPerSecond + 1} within one second";
            }

            if (!paid && lastSecond.Count(a => !a.Paid) >= FreePerSecond)
            {
                return $"{at:O}: message {FreePerSecond + 1} without paid broadcast within one second";
            }

            if (chat is not null && lastSecond.Any(a => a.Chat == chat))
            {
                return $"{at:O}: a second message to chat {chat} within one second";
            }

            _accepted.Add((at, chat, paid));
            return null;
        }
    }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private async Task AnswerUpdatesAsync(HttpContext http, JsonObject body, DateTime at)
    {
        var offset = body["offset"]?.GetValue<int>();
        var deadline = DateTime.UtcNow.AddMilliseconds(300);
        var batch = new JsonArray();
        while (batch.Count == 0 && DateTime.UtcNow < deadline && !http.RequestAborted.IsCancellationRequested)
        {
            foreach (var json in _updates)
            {
                var update = JsonNode.Parse(json)!.AsObject();
                if (offset is null || update["update_id"]!.GetValue<int>() >= offset)
                {
                    batch.Add(update);
                }
            }

            if (batch.Count == 0)
            {
                await Task.Delay(25);
            }
        }

        await AnswerAsync(http, new ApiCall("getUpdates", body, at, 200), new JsonObject { ["ok"] = true, ["result"] = batch });
    }

    private JsonObject Success(string method, JsonObject body, DateTime at)
    {
        JsonNode result = method switch
        {
            "getMe" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "ChatCrm", ["username"] = BotUsername },
            "getFile" when _files[body["file_id"]!.ToString()] is var file => new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = file.Size,
                ["file_path"] = file.Path,
            },
            "sendMessage" or "editMessageText" or "sendPhoto" or "sendDocument" => new JsonObject
            {
                ["message_id"] = body["message_id"]?.GetValue<int>() ?? Interlocked.Increment(ref _messageId),
                ["date"] = new DateTimeOffset(at).ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture), ["type"] = "private" },
                ["text"] = body["text"]?.GetValue<string>() ?? "",
            },
            _ => true,
        };
        return new JsonObject { ["ok"] = true, ["result"] = result };
    }

    private static JsonObject Error(int status, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter is { } r)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = r };
        }

        return error;
    }

    private async Task AnswerAsync(HttpContext http, ApiCall call, JsonObject response)
    {
        _calls.Enqueue(call);
        http.Response.StatusCode = call.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString());
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fromForm = new JsonObject();
            foreach (var (key, value) in form)
            {
                fromForm[key] = value.ToString();
            }

            // Uploaded files (sendPhoto, sendDocument) are kept whole, so a test can open what the user would get.
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content);
                fromForm[file.Name] = new JsonObject { ["filename"] = file.FileName, ["content"] = Convert.ToBase64String(content.ToArray()) };
            }

            return fromForm;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)?.AsObject() ?? [];
    }

    private sealed record StoredFile(string FileId, string FileUniqueId, byte[] Content, long Size, string Path);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

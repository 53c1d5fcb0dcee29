using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Time;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ChatCrm.Bot.Transport;

/// <summary>
/// Connects to Telegram at start: learns the bot's username, then either registers the webhook (with
/// the secret and the update kinds we handle) or, with no webhook URL, long-polls getUpdates.
/// Start never fails because Telegram is unreachable: it keeps retrying in the background.
/// </summary>
internal sealed class TelegramTransport(
    ITelegramBotClient bot,
    BotIdentity identity,
    UpdatePipeline pipeline,
    IOptions<TelegramOptions> options,
    DatabaseOutage outage,
    ILogger<TelegramTransport> log) : BackgroundService
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];
    private const int PollSeconds = 25;
    private const string Source = "polling";

    // Half a minute at most: an operator fixing the token or the network should not wait long to see it work.
    private static readonly Backoff Retry = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await RetryAsync("getMe", async () => identity.Learned((await bot.GetMe(ct)).Username), ct);
        log.LogInformation("Connected to Telegram as @{Username}", identity.Username);

        if (options.Value.UsesWebhook)
        {
            await RetryAsync("setWebhook", () => bot.SetWebhook(options.Value.WebhookUrl!, allowedUpdates: AllowedUpdates,
                secretToken: options.Value.SecretToken, cancellationToken: ct), ct);
            log.LogInformation("Webhook registered at {Url}", options.Value.WebhookUrl);
            return;
        }

        await RetryAsync("deleteWebhook", () => bot.DeleteWebhook(cancellationToken: ct), ct);
        log.LogInformation("Long polling for updates (no Telegram:WebhookUrl set)");
        await PollAsync(ct);
    }

    private async Task PollAsync(CancellationToken ct)
    {
        int? offset = null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                Update[] updates;
                try
                {
                    updates = await bot.GetUpdates(offset, limit: 100, timeout: PollSeconds, allowedUpdates: AllowedUpdates, cancellationToken: ct);
                }
                catch (Exception e) when (e is not (ApiRequestException or OperationCanceledException))
                {
                    // One update the library cannot read fails the whole batch, and would again on every retry: read
                    // the batch update by update, skip the unreadable ones and move the offset past them.
                    (updates, var skipped) = await ReadOneByOneAsync(offset, ct);
                    if (skipped is { } last)
                    {
                        log.LogWarning("getUpdates: skipped unreadable updates up to {UpdateId} ({Error})", last, e.Message);
                        offset = Math.Max(offset ?? 0, last + 1);
                    }
                }

                try
                {
                    foreach (var update in updates)
                    {
                        // The offset moves past an update only once it is committed: a crash means Telegram sends it again.
                        await pipeline.ProcessAsync(update, ct);
                        offset = Math.Max(offset ?? 0, update.Id + 1);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && outage.Failed(Source, e))
                {
                    // The database is away: the updates are fetched again once it is back (logged once a minute at most).
                    failures++;
                    await Task.Delay(Retry.Delay(failures), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                if (updates.Length > 0)
                {
                    outage.Succeeded(Source);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                log.LogWarning("getUpdates failed ({Failures} in a row): {Error}", failures, e.Message);
                await Task.Delay(Retry.Delay(failures), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The pending batch as raw JSON (no long wait), each update read on its own; the highest unreadable id.</summary>
    private async Task<(Update[] Updates, int? Skipped)> ReadOneByOneAsync(int? offset, CancellationToken ct)
    {
        var raw = await bot.SendRequest(new RawGetUpdates { Offset = offset, Limit = 100, Timeout = 0, AllowedUpdates = AllowedUpdates }, ct);
        var updates = new List<Update>();
        int? skipped = null;
        foreach (var element in raw)
        {
            Update? update = null;
            try
            {
                update = element.Deserialize<Update>(JsonBotAPI.Options);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogDebug("Unreadable update: {Error}", e.Message);
            }

            if (update is not null)
            {
                updates.Add(update);
            }
            else if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var id) && id.TryGetInt32(out var updateId))
            {
                skipped = Math.Max(skipped ?? 0, updateId);
            }
        }

        return ([.. updates.OrderBy(u => u.Id)], skipped);
    }

    /// <summary>getUpdates whose result stays raw JSON, so one unreadable update cannot hide the others.</summary>
    private sealed class RawGetUpdates() : RequestBase<JsonElement[]>("getUpdates")
    {
        [JsonPropertyName("offset")]
        public int? Offset { get; init; }

        [JsonPropertyName("limit")]
        public int? Limit { get; init; }

        [JsonPropertyName("timeout")]
        public int? Timeout { get; init; }

        [JsonPropertyName("allowed_updates")]
        public IEnumerable<UpdateType>? AllowedUpdates { get; init; }
    }

    private async Task RetryAsync(string what, Func<Task> call, CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var unauthorised = e is ApiRequestException { ErrorCode: 401 or 404 };
                log.Log(unauthorised ? LogLevel.Error : LogLevel.Warning,
                    "{What} failed (attempt {Attempt}): {Error}{Hint}", what, attempt, e.Message,
                    unauthorised ? " — check Telegram:BotToken" : "");
                await Task.Delay(Retry.Delay(attempt), ct);
            }
        }

        ct.ThrowIfCancellationRequested();
    }
}

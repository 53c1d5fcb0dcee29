using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Pipeline;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatCrm.Bot.Transport;

/// <summary>
/// POST /telegram/webhook. A wrong secret is refused before the body is read; a body that is not an
/// update, or lacks what its kind needs (<see cref="UpdateShape"/>), is a 400 and is stored nowhere; anything
/// else answers 200 once its effect is committed or it is stored to wait its turn. A database that is busy past its
/// timeout or unreachable gets a 503 (nothing was committed) — then Telegram's redelivery is exactly what we want.
/// </summary>
internal static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Real updates are a few kilobytes; anything this large is not from Telegram.
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(TelegramOptions.WebhookPath, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, UpdatePipeline pipeline, IOptions<TelegramOptions> options,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), options.Value.SecretToken))
        {
            return Results.Unauthorized();
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadLimitedAsync(http.Request.Body, ct);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not only JsonException: Telegram.Bot's converters throw others for a polymorphic field without its
            // type key (my_chat_member.new_chat_member without status, forward_origin without type).
            logs.CreateLogger(typeof(WebhookEndpoint)).LogWarning("Refused a webhook body that is not an update: {Error}", e.Message);
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        if (UpdateShape.Problem(update) is { } problem)
        {
            logs.CreateLogger(typeof(WebhookEndpoint)).LogWarning("Refused update {UpdateId}: {Problem}", update.Id, problem);
            return Results.BadRequest();
        }

        try
        {
            await pipeline.ProcessAsync(update, ct);
        }
        catch (Exception e) when (DbErrors.IsTransient(e))
        {
            // Not committed: Telegram delivers it again on anything but a 2xx, which is exactly what is wanted.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    /// <summary>Compares SHA-256 digests so neither the content nor the length of the secret leaks through timing.</summary>
    internal static bool SecretMatches(string? given, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? ""));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

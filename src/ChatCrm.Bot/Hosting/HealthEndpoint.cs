using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Hosting;

internal static class HealthEndpoint
{
    /// <summary>
    /// GET /health: 200 when the process is up and the database answers, 503 when it does not.
    /// GET /health/live: 200 whenever the process answers at all (for a liveness probe: restart only a hung process).
    /// GET /health/ready: like /health, plus the outbox — how many messages wait, how old the oldest is, and whether
    /// sending is paused because Telegram is unreachable. An outage does not make the instance unready: it still takes
    /// updates and keeps every reply until Telegram is back, and taking it out of rotation would only lose more.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (ChatCrmDbContext db, CancellationToken ct) =>
        {
            var databaseUp = await DatabaseUpAsync(db, ct);
            var body = new { status = databaseUp ? "ok" : "degraded", database = databaseUp ? "ready" : "unavailable" };
            return databaseUp ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });

        app.MapGet("/health/live", () => Results.Ok(new { status = "ok" }));

        app.MapGet("/health/ready", async (ChatCrmDbContext db, OutboxHealth outbox, TimeProvider time, CancellationToken ct) =>
        {
            if (!await DatabaseUpAsync(db, ct))
            {
                return Results.Json(new { status = "degraded", database = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var pending = db.Outbox.Where(m => m.Status == OutboxStatus.Pending);
            var count = await pending.CountAsync(ct);
            var oldest = count == 0 ? (DateTime?)null : await pending.MinAsync(m => (DateTime?)m.CreatedAt, ct);
            var now = time.GetUtcNow().UtcDateTime;
            var outage = outbox.CurrentOutage;
            return Results.Ok(new
            {
                status = "ok",
                database = "ready",
                outbox = new
                {
                    pending = count,
                    oldestPendingAgeSeconds = oldest is { } at ? Math.Max(0, (long)(now - at).TotalSeconds) : 0,
                    sending = outage is null ? "ok" : "paused",
                    outageSince = outage?.SinceUtc,
                    outageError = outage?.Error,
                },
            });
        });
        return app;
    }

    private static async Task<bool> DatabaseUpAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }
}

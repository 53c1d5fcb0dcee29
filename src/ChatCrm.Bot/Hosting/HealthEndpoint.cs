using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatCrm.Bot.Hosting;

/// <summary>
/// The health endpoints, as ASP.NET Core health checks (503 when a check is unhealthy), with the bodies they had:
/// GET /health: 200 when the process is up and the database answers with every migration applied, 503 when not.
/// GET /health/live: 200 whenever the process answers at all (for a liveness probe: restart only a hung process).
/// GET /health/ready: like /health, plus the outbox — how many messages wait, how old the oldest is, and whether
/// sending is paused because Telegram is unreachable. An outage of Telegram does not make the instance unready: it
/// still takes updates and keeps every reply until Telegram is back, and taking it out of rotation would only lose more.
/// </summary>
internal static class HealthEndpoint
{
    private const string Ready = "ready";
    private const string DatabaseCheck = "database";
    private const string OutboxCheck = "outbox";

    public static IServiceCollection AddChatCrmHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReady>(DatabaseCheck, tags: [Ready])
            .AddCheck<OutboxBacklog>(OutboxCheck, tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = c => c.Name == DatabaseCheck,
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(report.Status == HealthStatus.Healthy ? Up : Down),
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, _) => http.Response.WriteAsJsonAsync(new { status = "ok" }),
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteReadyAsync,
        });
        return app;
    }

    private static readonly object Up = new { status = "ok", database = "ready" };
    private static readonly object Down = new { status = "degraded", database = "unavailable" };

    private static Task WriteReadyAsync(HttpContext http, HealthReport report)
    {
        if (report.Status != HealthStatus.Healthy || !report.Entries.TryGetValue(OutboxCheck, out var outbox))
        {
            return http.Response.WriteAsJsonAsync(Down);
        }

        var data = outbox.Data;
        return http.Response.WriteAsJsonAsync(new
        {
            status = "ok",
            database = "ready",
            outbox = new
            {
                pending = data["pending"],
                oldestPendingAgeSeconds = data["oldestPendingAgeSeconds"],
                sending = data["sending"],
                outageSince = data["outageSince"],
                outageError = data["outageError"],
            },
        });
    }

    /// <summary>The database answers and every committed migration is applied.</summary>
    private sealed class DatabaseReady(ChatCrmDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct))
                {
                    return HealthCheckResult.Unhealthy("The database does not answer");
                }

                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"The database is unavailable: {e.GetBaseException().Message}");
            }
        }
    }

    /// <summary>The outbox's backlog and whether sending is paused; healthy whenever the table can be read.</summary>
    private sealed class OutboxBacklog(ChatCrmDbContext db, OutboxHealth outbox, TimeProvider time) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var pending = db.Outbox.Where(m => m.Status == OutboxStatus.Pending);
                var count = await pending.CountAsync(ct);
                var oldest = count == 0 ? (DateTime?)null : await pending.MinAsync(m => (DateTime?)m.CreatedAt, ct);
                var now = time.GetUtcNow().UtcDateTime;
                var outage = outbox.CurrentOutage;
                return HealthCheckResult.Healthy(data: new Dictionary<string, object>
                {
                    ["pending"] = count,
                    ["oldestPendingAgeSeconds"] = oldest is { } at ? Math.Max(0, (long)(now - at).TotalSeconds) : 0L,
                    ["sending"] = outage is null ? "ok" : "paused",
                    ["outageSince"] = outage?.SinceUtc!,
                    ["outageError"] = outage?.Error!,
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"The outbox cannot be read: {e.GetBaseException().Message}");
            }
        }
    }
}

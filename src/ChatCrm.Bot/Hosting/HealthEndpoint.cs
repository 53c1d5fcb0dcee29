using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Hosting;

internal static class HealthEndpoint
{
    /// <summary>GET /health: 200 when the process is up and the database answers, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (ChatCrmDbContext db, CancellationToken ct) =>
        {
            var databaseUp = false;
            try
            {
                databaseUp = await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                databaseUp = false;
            }

            var body = new { status = databaseUp ? "ok" : "degraded", database = databaseUp ? "ready" : "unavailable" };
            return databaseUp ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

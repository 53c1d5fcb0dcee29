using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Deals;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Web.Auth;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Web.Board;

/// <summary>
/// The board's parts (server-rendered HTML the page puts in place) and its JSON API. Every endpoint signs the caller in
/// through <see cref="WebSignIn"/> and reads through <see cref="Visibility"/>; every change runs as the chat's own button
/// through <see cref="WebActions"/>, so the board can do nothing the chat would refuse.
/// </summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app/part/board", PartAsync);
        app.MapGet("/app/part/column", ColumnAsync);
        app.MapGet("/api/board", JsonAsync);
        app.MapPost("/api/deals/{id:long}/move", MoveAsync);
        app.MapPost("/api/deals/{id:long}/won", (long id, HttpContext http, WebSignIn signIn, WebActions actions, ChatCrmDbContext db, CancellationToken ct) =>
            ChangeAsync(id, $"{DealViews.Win}:{id}", http, signIn, actions, db, ct));
        app.MapPost("/api/deals/{id:long}/lost", (long id, HttpContext http, WebSignIn signIn, WebActions actions, ChatCrmDbContext db, CancellationToken ct) =>
            ChangeAsync(id, $"{DealViews.Lose}:{id}", http, signIn, actions, db, ct));
        app.MapPost("/api/press", PressAsync);
        app.MapPost("/api/answer", AnswerAsync);
        return app;
    }

    private static async Task<IResult> PartAsync(HttpContext http, WebSignIn signIn, BoardQuery query, TimeProvider time, IOptions<CrmOptions> crm,
        CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return Results.Unauthorized();
        }

        if (Filter(http.Request.Query) is not { } filter)
        {
            return BadFilter();
        }

        var t = Texts.For(user.LanguageOr(crm.Value.Language));
        var board = await query.ReadAsync(user, filter, ct);
        var html = board is null
            ? filter.CycleId is null ? BoardHtml.NoCycles(user, t) : null
            : BoardHtml.Render(board, user, t, time.GetUtcNow().UtcDateTime);
        return html is null ? Results.NotFound(new { error = "No such sales cycle." }) : Fragment(http, html);
    }

    private static async Task<IResult> ColumnAsync(HttpContext http, WebSignIn signIn, BoardQuery query, TimeProvider time, IOptions<CrmOptions> crm,
        CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return Results.Unauthorized();
        }

        var q = http.Request.Query;
        if (Filter(q) is not { } filter || Id(q["stage"]) is not { } stageId || Count(q["skip"]) is not { } skip)
        {
            return Results.BadRequest(new { error = "stage must be a stage id and skip a number from 0 to 1000000." });
        }

        if (await query.ColumnAsync(user, filter, stageId, skip, ct) is not { Column: var column })
        {
            return Results.NotFound(new { error = "No such stage." });
        }

        var t = Texts.For(user.LanguageOr(crm.Value.Language));
        return Fragment(http, BoardHtml.RenderMore(column, skip, filter, user, user.SeesEverything() || user.IsStaff(), t, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<IResult> JsonAsync(HttpContext http, WebSignIn signIn, BoardQuery query, CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return Results.Unauthorized();
        }

        if (Filter(http.Request.Query) is not { } filter)
        {
            return BadFilter();
        }

        return await query.ReadAsync(user, filter, ct) is { } board ? Results.Json(board) : Results.NotFound(new { error = "No such sales cycle." });
    }

    private static async Task<IResult> MoveAsync(long id, [FromBody] MoveRequest? body, HttpContext http, WebSignIn signIn, WebActions actions,
        ChatCrmDbContext db, CancellationToken ct)
    {
        if (body is not { StageId: > 0 })
        {
            return Results.BadRequest(new { error = "Send {\"stageId\": <id of a stage>}." });
        }

        return await ChangeAsync(id, $"{DealViews.Move}:{id}:{body.StageId}", http, signIn, actions, db, ct);
    }

    /// <summary>
    /// A change to one deal: refused with 404 when the caller cannot see the deal (a guessed id learns nothing), else run
    /// as the chat's button and answered with what the chat would have said and where the deal now is.
    /// </summary>
    private static async Task<IResult> ChangeAsync(long id, string data, HttpContext http, WebSignIn signIn, WebActions actions, ChatCrmDbContext db,
        CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return Results.Unauthorized();
        }

        if (await StateAsync(db, user, id, ct) is null)
        {
            return Results.NotFound(new { error = "No such deal." });
        }

        if (await actions.PressAsync(user.Id, data, ct) is not { } outcome)
        {
            return Results.Unauthorized();
        }

        return Results.Json(new DealOutcome(outcome, await StateAsync(db, user, id, ct)));
    }

    private static async Task<IResult> PressAsync([FromBody] PressRequest? body, HttpContext http, WebSignIn signIn, WebActions actions,
        CancellationToken ct)
    {
        if (body is not { Data: { Length: > 0 and <= Button.MaxDataBytes } data })
        {
            return Results.BadRequest(new { error = "Send {\"data\": <a button's data from an answer>}." });
        }

        if (await signIn.UserAsync(http, ct) is not { } user || await actions.PressAsync(user.Id, data, ct) is not { } outcome)
        {
            return Results.Unauthorized();
        }

        return Results.Json(outcome);
    }

    private static async Task<IResult> AnswerAsync([FromBody] AnswerRequest? body, HttpContext http, WebSignIn signIn, WebActions actions,
        CancellationToken ct)
    {
        if (body is not { Text: { } text } || text.Trim().Length is 0 or > 4000)
        {
            return Results.BadRequest(new { error = "Send {\"text\": <your answer, 1 to 4000 characters>}." });
        }

        if (await signIn.UserAsync(http, ct) is not { } user || await actions.AnswerAsync(user.Id, text.Trim(), ct) is not { } outcome)
        {
            return Results.Unauthorized();
        }

        return Results.Json(outcome);
    }

    private static async Task<DealState?> StateAsync(ChatCrmDbContext db, User user, long id, CancellationToken ct) =>
        await db.VisibleDeals(user).AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DealState(d.Id, d.StageId, d.Status == DealStatus.Open ? "open" : d.Status == DealStatus.Won ? "won" : "lost"))
            .FirstOrDefaultAsync(ct);

    /// <summary>The board's query string: every value a positive id or absent. Null when one is not.</summary>
    private static BoardFilter? Filter(IQueryCollection q)
    {
        long? cycle = null, manager = null, segment = null;
        foreach (var (name, set) in new (string, Action<long>)[] { ("cycle", v => cycle = v), ("manager", v => manager = v), ("segment", v => segment = v) })
        {
            var raw = q[name].ToString();
            if (raw.Length == 0)
            {
                continue;
            }

            if (Id(raw) is not { } value)
            {
                return null;
            }

            set(value);
        }

        return new BoardFilter(cycle, manager, segment);
    }

    private static IResult BadFilter() => Results.BadRequest(new { error = "cycle, manager and segment must be ids (positive whole numbers) or left out." });

    private static long? Id(string? raw) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static int? Count(string? raw) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000 ? n : null;

    private static IResult Fragment(HttpContext http, string html)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}

public sealed record MoveRequest(long StageId);

public sealed record PressRequest(string? Data);

public sealed record AnswerRequest(string? Text);

/// <param name="Status">open, won or lost.</param>
public sealed record DealState(long Id, long StageId, string Status);

public sealed record DealOutcome(WebOutcome Outcome, DealState? Deal);

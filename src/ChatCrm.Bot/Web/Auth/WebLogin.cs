using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Web.Auth;

/// <summary>
/// The board's sign-in outside Telegram: <c>GET /app/login?code=…</c> turns a /web link into a session cookie once,
/// <c>POST /app/logout</c> ends it, and <c>GET /api/me</c> says who is signed in (for the board and for tests).
/// </summary>
internal static class WebLogin
{
    public const string LoginPath = "/app/login";
    public const string LogoutPath = "/app/logout";
    public const string MePath = "/api/me";

    /// <summary>
    /// Where the sign-in page moves on to, relative to /app/login so that it stays right behind a proxy's path prefix. A
    /// same-origin navigation, not a 302: a SameSite=Strict cookie is not sent on a redirect chain that began on
    /// another site (the link in Telegram), so a redirect would land on the board signed out.
    /// </summary>
    private const string BoardFromLogin = "../app";

    /// <summary>Escapes markup, and leaves Cyrillic readable in the page's source.</summary>
    private static readonly HtmlEncoder PageText = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<IResult> LoginAsync(HttpContext http, ChatCrmDbContext db, TimeProvider time, IOptions<WebAppOptions> options,
        IOptions<CrmOptions> crm, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(WebLogin));
        var codes = http.Request.Query["code"];
        if (codes.Count == 0 || string.IsNullOrEmpty(codes[0]))
        {
            return Page(StatusCodes.Status400BadRequest, Both(t => t.WebLinkNoCode()));
        }

        var code = codes.Count == 1 ? codes[0] : null;
        if (!WebTokens.LooksLikeToken(code))
        {
            log.LogInformation("Board: a sign-in link with a malformed code was refused");
            return Page(StatusCodes.Status401Unauthorized, Both(t => t.WebLinkInvalid()));
        }

        var hash = WebTokens.Hash(code!);
        var row = await db.WebLoginCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, ct);
        var user = row is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == row.UserId, ct);
        if (row is null || user is null)
        {
            log.LogInformation("Board: a sign-in link with an unknown code was refused");
            return Page(StatusCodes.Status401Unauthorized, Both(t => t.WebLinkInvalid()));
        }

        var texts = Texts.For(user.LanguageOr(crm.Value.Language));
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // The one place a code is spent: a conditional update, so of two clicks at once exactly one changes the row.
        var taken = user.IsActive && await db.WebLoginCodes
            .Where(c => c.Id == row.Id && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, (DateTime?)now), ct) == 1;
        if (!taken)
        {
            var why = !user.IsActive ? "deactivated" : row.UsedAt is not null || row.ExpiresAt > now ? "used" : "expired";
            db.Audit.Add(AuditEntry.Record(user.Id, user.TelegramId, AuditActions.AccessDenied, now, "/web link", before: why));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Board: a sign-in link of user {UserId} was refused ({Reason})", user.Id, why);
            return Page(StatusCodes.Status401Unauthorized, Paragraphs(texts.WebLinkInvalid()), texts.Language);
        }

        var lifetime = options.Value.SessionLifetime;
        var (session, token) = WebSession.Start(user.Id, now, lifetime);
        db.WebSessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.Audit.Add(AuditEntry.Record(user.Id, user.TelegramId, AuditActions.WebSignedIn, now, $"session {session.Id}",
            after: session.ExpiresAt.ToString("O")));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        http.Response.Cookies.Append(WebSignIn.SessionCookie, token, Cookie(lifetime));
        var body = Paragraphs(texts.WebSignedIn())
                   + $"<p><a href=\"{BoardFromLogin}\">{PageText.Encode(texts.WebOpenBoard())}</a></p>";
        return Page(StatusCodes.Status200OK, body, texts.Language, refreshTo: BoardFromLogin);
    }

    public static async Task<IResult> LogoutAsync(HttpContext http, ChatCrmDbContext db, WebSignIn signIn, TimeProvider time,
        IOptions<CrmOptions> crm, CancellationToken ct)
    {
        var texts = Texts.For(crm.Value.Language);
        if (await signIn.SessionAsync(http, ct) is { } session)
        {
            var now = time.GetUtcNow().UtcDateTime;
            session.End(now);
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == session.UserId, ct) is { } user)
            {
                texts = Texts.For(user.LanguageOr(crm.Value.Language));
                db.Audit.Add(AuditEntry.Record(user.Id, user.TelegramId, AuditActions.WebSignedOut, now, $"session {session.Id}"));
            }

            await db.SaveChangesAsync(ct);
        }

        http.Response.Cookies.Delete(WebSignIn.SessionCookie, Cookie(null));
        return Page(StatusCodes.Status200OK, Paragraphs(texts.WebSignedOut()), texts.Language);
    }

    /// <summary>Who the board is talking to: {id, name, role, language}, or 401.</summary>
    public static async Task<IResult> MeAsync(HttpContext http, WebSignIn signIn, IOptions<CrmOptions> crm, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return await signIn.UserAsync(http, ct) is { } user
            ? Results.Json(new Me(user.Id, user.DisplayName, user.Role.Code(), user.LanguageOr(crm.Value.Language).Code()))
            : Results.Unauthorized();
    }

    /// <summary>The signed-in user as <c>GET /api/me</c> answers: the ChatCrm user id, their name, role and language codes.</summary>
    public sealed record Me(long Id, string Name, string Role, string Language);

    private static CookieOptions Cookie(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static string Paragraphs(string text) => $"<p>{PageText.Encode(text)}</p>";

    /// <summary>For a visitor we know nothing of: both languages.</summary>
    private static string Both(Func<Texts, string> text) => Paragraphs(text(Texts.Russian)) + Paragraphs(text(Texts.English));

    private static IResult Page(int status, string body, Language language = Language.Ru, string? refreshTo = null)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(language.Code()).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(refreshTo is null ? "" : $"<meta http-equiv=\"refresh\" content=\"0;url={refreshTo}\">")
            .Append("<title>ChatCrm</title><style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem;line-height:1.5}</style>")
            .Append("</head><body>").Append(body).Append("</body></html>")
            .ToString();
        return new PageResult(status, html);
    }

    /// <summary>A small HTML page that no cache keeps, that sends no Referer (the address held the code) and runs no script.</summary>
    private sealed class PageResult(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Content-Type-Options"] = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(http);
        }
    }
}

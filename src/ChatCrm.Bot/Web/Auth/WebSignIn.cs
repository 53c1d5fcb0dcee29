using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Web.Auth;

/// <summary>
/// Who is asking, for every page and API call of the board: Telegram's initData in <see cref="InitDataHeader"/> (the
/// Mini App) or the session cookie <see cref="SessionCookie"/> (a browser signed in with a /web link). Neither the
/// initData, nor a code, nor a cookie's value is ever logged.
/// </summary>
public sealed class WebSignIn(ChatCrmDbContext db, WebAppKey key, TimeProvider time, IOptions<WebAppOptions> options, ILogger<WebSignIn> log)
{
    public const string InitDataHeader = "X-Telegram-Init-Data";
    public const string SessionCookie = "chatcrm_session";

    private bool _resolved;
    private User? _user;

    /// <summary>
    /// The active ChatCrm user behind the request, tracked by this request's <see cref="ChatCrmDbContext"/>; null for
    /// anyone else (no credentials, forged or stale initData, an ended or expired session, a stranger, a deactivated
    /// user): the caller answers 401. When the header is present it alone decides, whatever cookie comes with it.
    /// </summary>
    public async Task<User?> UserAsync(HttpContext http, CancellationToken ct)
    {
        if (!_resolved)
        {
            _user = await ResolveAsync(http, ct);
            _resolved = true;
        }

        return _user;
    }

    /// <summary>The session the request's cookie names, if it is still going; for logout.</summary>
    public async Task<WebSession?> SessionAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.Cookies.TryGetValue(SessionCookie, out var token) || !WebTokens.LooksLikeToken(token))
        {
            return null;
        }

        var hash = WebTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.WebSessions.FirstOrDefaultAsync(s => s.TokenHash == hash && s.EndedAt == null && s.ExpiresAt > now, ct);
    }

    private async Task<User?> ResolveAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.Headers.TryGetValue(InitDataHeader, out var header) && !string.IsNullOrEmpty(header.ToString()))
        {
            return await FromInitDataAsync(header.ToString(), ct);
        }

        if (await SessionAsync(http, ct) is { } session)
        {
            return await ActiveUserAsync(u => u.Id == session.UserId, ct);
        }

        return null;
    }

    private async Task<User?> FromInitDataAsync(string initData, CancellationToken ct)
    {
        if (key.Secret is not { } secret)
        {
            return null;
        }

        var check = InitData.Validate(initData, secret, time.GetUtcNow(), options.Value.InitDataMaxAge);
        if (!check.IsValid)
        {
            log.LogInformation("Board: initData refused ({Reason})", check.Refusal);
            return null;
        }

        var user = await ActiveUserAsync(u => u.TelegramId == check.TelegramUserId, ct);
        if (user is null)
        {
            log.LogInformation("Board: Telegram user {TelegramId} signed initData but is no active ChatCrm user", check.TelegramUserId);
        }

        return user;
    }

    private Task<User?> ActiveUserAsync(System.Linq.Expressions.Expression<Func<User, bool>> which, CancellationToken ct) =>
        db.Users.Where(which).Where(u => u.IsActive).FirstOrDefaultAsync(ct);
}

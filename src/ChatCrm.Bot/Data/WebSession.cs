namespace ChatCrm.Bot.Data;

/// <summary>
/// A browser signed in to the board through a /web link: the cookie holds the token, this row only its hash. It lasts
/// until <see cref="ExpiresAt"/> or until logout sets <see cref="EndedAt"/>.
/// </summary>
public sealed class WebSession
{
    private WebSession()
    {
        TokenHash = "";
    }

    public long Id { get; private set; }

    /// <summary><see cref="WebTokens.Hash"/> of the cookie's token.</summary>
    public string TokenHash { get; private set; }
    public long UserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    /// <summary>A new session for <paramref name="userId"/>: the row to save, and the token for the cookie (never stored).</summary>
    public static (WebSession Row, string Token) Start(long userId, DateTime nowUtc, TimeSpan lifetime)
    {
        var token = WebTokens.New();
        return (new WebSession { TokenHash = WebTokens.Hash(token), UserId = userId, CreatedAt = nowUtc, ExpiresAt = nowUtc + lifetime }, token);
    }

    public bool ActiveAt(DateTime nowUtc) => EndedAt is null && nowUtc < ExpiresAt;

    public void End(DateTime nowUtc) => EndedAt ??= nowUtc;
}

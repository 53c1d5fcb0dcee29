namespace ChatCrm.Bot.Data;

/// <summary>
/// A one-time sign-in link to the board outside Telegram, asked for with /web: its code is kept only as a hash, it
/// expires, and it is used at most once (<see cref="UsedAt"/> is set by a conditional update, so two clicks cannot
/// both sign in).
/// </summary>
public sealed class WebLoginCode
{
    private WebLoginCode()
    {
        CodeHash = "";
    }

    public long Id { get; private set; }

    /// <summary><see cref="WebTokens.Hash"/> of the code in the link.</summary>
    public string CodeHash { get; private set; }
    public long UserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    /// <summary>A new code for <paramref name="userId"/>: the row to save, and the code for the link (never stored).</summary>
    public static (WebLoginCode Row, string Code) Issue(long userId, DateTime nowUtc, TimeSpan lifetime)
    {
        var code = WebTokens.New();
        return (new WebLoginCode { CodeHash = WebTokens.Hash(code), UserId = userId, CreatedAt = nowUtc, ExpiresAt = nowUtc + lifetime }, code);
    }
}

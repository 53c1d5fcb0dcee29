namespace ChatCrm.Bot.Web.Auth;

/// <summary>
/// The key Telegram signs this bot's initData with (<see cref="InitData.SecretKey"/> of the token), made once by the
/// host, so the board's code never holds the token itself. Null without a token: then no initData is ever valid.
/// </summary>
public sealed class WebAppKey(string? botToken)
{
    public byte[]? Secret { get; } = string.IsNullOrWhiteSpace(botToken) ? null : InitData.SecretKey(botToken);
}

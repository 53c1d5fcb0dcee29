using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Bot.Data;

/// <summary>
/// The secrets of the board's sign-in outside Telegram (a /web link's code, a session cookie): 32 random bytes in
/// base64url for the person, and only their SHA-256 in the database, so a copy of the database signs nobody in.
/// </summary>
public static class WebTokens
{
    /// <summary>The length of a token <see cref="New"/> makes: 32 bytes in base64url without padding.</summary>
    public const int Length = 43;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lowercase hex of the SHA-256 of the token's text: what the tables store and look up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text could be a token at all (the length and alphabet <see cref="New"/> uses).</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

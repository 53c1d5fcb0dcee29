using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChatCrm.Bot.Web.Auth;

/// <summary>Why Telegram's initData was refused; logged, never shown, so a forger learns nothing from it.</summary>
public enum InitDataRefusal
{
    /// <summary>Empty, too long, or not a query string of distinct key=value pairs.</summary>
    Malformed,

    /// <summary>No hash, or a hash that is not Telegram's signature of the other fields under this bot's token.</summary>
    BadSignature,

    /// <summary>No auth_date, or one that is not a number of seconds.</summary>
    NoAuthDate,

    /// <summary>auth_date later than now by more than the allowed skew.</summary>
    FromTheFuture,

    /// <summary>auth_date older than the maximum age: a copy of an old launch.</summary>
    Stale,

    /// <summary>Signed, but with no user object holding a numeric id (a launch from a chat, not a person).</summary>
    NoUser,
}

/// <summary>The outcome of <see cref="InitData.Validate"/>: a Telegram user id, or why not.</summary>
public readonly record struct InitDataCheck(long TelegramUserId, InitDataRefusal? Refusal)
{
    public bool IsValid => Refusal is null;
}

/// <summary>
/// Telegram Mini App initData, checked by Telegram's rule (core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):
/// the secret is HMAC-SHA256 of the bot token keyed with "WebAppData"; the hash is the hex HMAC-SHA256, under that
/// secret, of every other field as sorted "key=value" lines (values URL-decoded) joined by "\n", compared in
/// constant time. Then auth_date must be recent. Pure: the caller gives the key and the time.
/// </summary>
public static class InitData
{
    /// <summary>Longer than any real initData (a few hundred bytes); a header this long is not Telegram's.</summary>
    public const int MaxLength = 8192;

    /// <summary>How far auth_date may be ahead of our clock: Telegram's and ours are not exactly the same.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(1);

    /// <summary>The key the signature is made with, from the bot's token; computed once per host.</summary>
    public static byte[] SecretKey(string botToken) =>
        HMACSHA256.HashData("WebAppData"u8, Encoding.UTF8.GetBytes(botToken));

    public static InitDataCheck Validate(string? raw, byte[] secretKey, DateTimeOffset now, TimeSpan maxAge)
    {
        if (Parse(raw) is not { } fields)
        {
            return Refused(InitDataRefusal.Malformed);
        }

        if (!SignatureMatches(fields, secretKey))
        {
            return Refused(InitDataRefusal.BadSignature);
        }

        if (!fields.TryGetValue("auth_date", out var authDate)
            || !long.TryParse(authDate, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Refused(InitDataRefusal.NoAuthDate);
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (signedAt - now > AllowedSkew)
        {
            return Refused(InitDataRefusal.FromTheFuture);
        }

        if (now - signedAt > maxAge)
        {
            return Refused(InitDataRefusal.Stale);
        }

        return UserId(fields) is { } id ? new InitDataCheck(id, null) : Refused(InitDataRefusal.NoUser);
    }

    private static InitDataCheck Refused(InitDataRefusal why) => new(0, why);

    /// <summary>The decoded fields, or null when the text is not a query string of distinct, non-empty keys.</summary>
    private static Dictionary<string, string>? Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length > MaxLength)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in raw.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var key = WebUtility.UrlDecode(pair[..eq]);
            var value = WebUtility.UrlDecode(pair[(eq + 1)..]);
            if (key.Length == 0 || !fields.TryAdd(key, value))
            {
                return null;
            }
        }

        return fields;
    }

    private static bool SignatureMatches(Dictionary<string, string> fields, byte[] secretKey)
    {
        if (!fields.TryGetValue("hash", out var hex) || hex.Length != 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        var lines = fields.Where(f => f.Key != "hash").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}");
        var expected = HMACSHA256.HashData(secretKey, Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static long? UserId(Dictionary<string, string> fields)
    {
        if (!fields.TryGetValue("user", out var json))
        {
            return null;
        }

        try
        {
            using var user = JsonDocument.Parse(json);
            return user.RootElement.ValueKind == JsonValueKind.Object
                   && user.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
                   && id.TryGetInt64(out var value) && value > 0
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

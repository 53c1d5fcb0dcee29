using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// Signs Mini App initData the way Telegram does, written from Telegram's documentation and not from our validator
/// (core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app): data_check_string is every field but
/// hash as "key=value", sorted by key, joined by a line feed; secret_key = HMAC_SHA256(bot_token, "WebAppData");
/// hash = hex(HMAC_SHA256(data_check_string, secret_key)). The fields are then URL-encoded into a query string.
/// </summary>
public static class InitDataSigner
{
    /// <summary>initData of a launch by <paramref name="telegramId"/> at <paramref name="authDate"/>, signed with the fake Bot API's token.</summary>
    public static string For(long telegramId, DateTimeOffset authDate, string firstName = "Иван", string token = FakeBotApi.Token) =>
        Sign(Fields(telegramId, authDate, firstName), token);

    /// <summary>A launch's usual fields (query_id, user, auth_date, signature), unsigned: a test may change or drop one.</summary>
    public static Dictionary<string, string> Fields(long telegramId, DateTimeOffset authDate, string firstName = "Иван") => new()
    {
        ["query_id"] = "AAHdF6IQAAAAAN0XohDhrOrc",
        ["user"] = $$"""{"id":{{telegramId}},"first_name":"{{firstName}}","last_name":"","username":"u{{telegramId}}","language_code":"ru","allows_write_to_pm":true}""",
        ["auth_date"] = authDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["signature"] = "SignatureForThirdParties_NotCheckedByTheBotsOwnValidation",
    };

    /// <summary>The fields with their hash, as a query string (spaces as %20, or as + like URLSearchParams writes them).</summary>
    public static string Sign(IReadOnlyDictionary<string, string> fields, string token = FakeBotApi.Token, bool plusForSpace = false) =>
        Encode(fields.Append(new("hash", Hash(fields, token))), plusForSpace);

    public static string Hash(IReadOnlyDictionary<string, string> fields, string token)
    {
        var dataCheckString = string.Join("\n", fields.Keys.Order(StringComparer.Ordinal).Select(k => k + "=" + fields[k]));
        using var keyed = new HMACSHA256(Encoding.UTF8.GetBytes("WebAppData"));
        var secretKey = keyed.ComputeHash(Encoding.UTF8.GetBytes(token));
        using var signer = new HMACSHA256(secretKey);
        return Convert.ToHexString(signer.ComputeHash(Encoding.UTF8.GetBytes(dataCheckString))).ToLowerInvariant();
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields, bool plusForSpace = false) =>
        string.Join("&", fields.Select(f => f.Key + "=" + Escape(f.Value, plusForSpace)));

    private static string Escape(string value, bool plusForSpace) =>
        plusForSpace ? Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal) : Uri.EscapeDataString(value);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>
/// Signs Mini App initData the way Telegram does (core.telegram.org/bots/webapps, "Validating data received via the
/// Mini App"), written from the spec rather than from our validator, so a wrong validator fails the tests.
/// </summary>
public static class WebAppData
{
    public static string Sign(long telegramId, DateTimeOffset authDate, string botToken = FakeBotApi.Token, string firstName = "Test",
        string languageCode = "ru")
    {
        var user = JsonSerializer.Serialize(new { id = telegramId, first_name = firstName, language_code = languageCode });
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["auth_date"] = authDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["query_id"] = "AAHdF6IQAAAAAN0XohDhrOrc",
            ["user"] = user,
        };
        var dataCheck = string.Join("\n", fields.Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheck)));
        return string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + "&hash=" + hash;
    }

    /// <summary>An HTTP client of the host that sends <paramref name="initData"/> with every request, as the page's script does.</summary>
    public static HttpClient Client(ChatCrmApp app, string? initData)
    {
        var client = app.CreateClient();
        if (initData is not null)
        {
            client.DefaultRequestHeaders.Add("X-Telegram-Init-Data", initData);
        }

        return client;
    }
}

using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>What the board's page sends: initData signed as Telegram signs it (<see cref="InitDataSigner"/>) with every request.</summary>
public static class WebAppData
{
    public static string Sign(long telegramId, DateTimeOffset authDate, string botToken = FakeBotApi.Token) =>
        InitDataSigner.For(telegramId, authDate, token: botToken);

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

using System.Net;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Web.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Web.Auth;

/// <summary>Where /web links point, what it says without an address, and what the host logs of the sign-in's secrets.</summary>
public sealed class WebAppAddressTests
{
    private const long Ivan = 2001;

    [Fact]
    public async Task Telegram_WebAppUrl_is_where_the_links_point()
    {
        await using var app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["Telegram:WebAppUrl"] = "https://board.example.org/crm/app/" });

        var reply = (await Chat.Admin(app).LastAsync("/web")).Text;

        reply.Should().Contain("https://board.example.org/crm/app/login?code=");
    }

    [Fact]
    public async Task Without_a_webhook_or_WebAppUrl_web_says_which_setting_to_set()
    {
        await using var app = await ChatCrmApp.StartAsync(polling: true);

        var reply = (await Chat.Admin(app).LastAsync("/web", "en")).Text;

        reply.Should().Contain("Telegram:WebAppUrl").And.NotContain("code=");
        (await app.CountAsync<ChatCrm.Bot.Data.WebLoginCode>()).Should().Be(0);
    }

    [Fact]
    public async Task A_WebAppUrl_that_is_not_https_stops_the_start_with_one_sentence()
    {
        var start = () => ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["Telegram:WebAppUrl"] = "http://crm.example.com/app" });

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("Telegram:WebAppUrl 'http://crm.example.com/app' must be the board's public https URL");
    }

    [Fact]
    public async Task Neither_initData_nor_a_code_nor_a_cookie_appears_in_the_logs()
    {
        var logs = new LogCapture();
        await using var app = await ChatCrmApp.StartAsync(logs: logs, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        var ivan = await Chat.JoinAsync(app, Ivan, "manager", "Иван");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://crm.example.com"), HandleCookies = false });

        var now = DateTimeOffset.UtcNow;
        var valid = InitDataSigner.For(Ivan, now);
        var forged = InitDataSigner.For(Ivan, now, token: "654321:ANOTHER-bots-token_1");
        var stale = InitDataSigner.For(Ivan, now.AddHours(-2));
        var stranger = InitDataSigner.For(4242, now);
        foreach (var initData in new[] { valid, forged, stale, stranger })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Add(WebSignIn.InitDataHeader, initData);
            (await client.SendAsync(request)).Dispose();
        }

        var link = (await ivan.LastAsync("/web")).Text;
        var code = System.Text.RegularExpressions.Regex.Match(link, "code=([A-Za-z0-9_-]+)").Groups[1].Value;
        using var login = await client.GetAsync($"/app/login?code={code}");
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/app/login?code={code}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/app/logout"))
        {
            logout.Headers.Add("Cookie", cookie);
            (await client.SendAsync(logout)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        logs.Lines.Should().Contain(l => l.Message.Contains("initData refused", StringComparison.Ordinal), "the refusals are logged, by reason");
        var secrets = new[] { valid, forged, stale, code, cookie["chatcrm_session=".Length..] }
            .Concat(new[] { valid, forged }.Select(d => d[(d.IndexOf("hash=", StringComparison.Ordinal) + 5)..]));
        foreach (var secret in secrets)
        {
            logs.Lines.Should().NotContain(l => l.Message.Contains(secret, StringComparison.Ordinal) || (l.Exception != null && l.Exception.ToString().Contains(secret, StringComparison.Ordinal)));
        }
    }
}

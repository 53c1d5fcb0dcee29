using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using Microsoft.Playwright;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>
/// Issue 13: the board from a laptop, outside Telegram. /web's one-time link signs the browser in with a session cookie
/// (HttpOnly, Secure, SameSite=Strict); the same link a second time is refused; the reports read as a chart; signing out
/// ends it.
/// </summary>
[Browser]
[Collection(Browser.Collection)]
public sealed partial class WebLoginBrowserTests(Browser browser) : IAsyncLifetime
{
    private const long Head = 3401, Ivan = 3402;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(onPort: true);
        var now = DateTime.UtcNow.AddDays(-30);
        await Seed.UserAsync(_app, Head, Role.Head, now, name: "Ольга");
        var ivanId = (await Seed.UserAsync(_app, Ivan, Role.Manager, now, name: "Иван")).Id;
        var client = await Seed.ClientAsync(_app, "Ромашка", ivanId);
        await Seed.DealAsync(_app, client, ivanId, 150_000m, DateTime.UtcNow.AddDays(-2), title: "Станки");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"/app/login\?code=[A-Za-z0-9_-]+")]
    private static partial Regex LoginLink();

    private async Task<string> LinkAsync()
    {
        var said = await new Chat(_app, Head).LastAsync("/web");
        return LoginLink().Match(said.Text).Value;
    }

    [BrowserFact]
    public async Task A_head_signs_in_on_a_laptop_with_the_web_link_reads_the_board_and_a_report_and_signs_out()
    {
        var link = await LinkAsync();
        link.Should().NotBeEmpty("/web answers with a sign-in link");
        await using var tab = await browser.OpenAsync(_app.BaseAddress, Viewport.Laptop);

        await tab.Page.GotoAsync(link, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await tab.Page.Locator(".card").First.WaitForAsync();

        new Uri(tab.Page.Url).AbsolutePath.Should().Be("/app", "the sign-in page moves on to the board by itself");
        (await tab.TextAsync()).Should().Contain("Ромашка").And.Contain("Иван");
        var cookie = (await tab.Context.CookiesAsync()).Single(c => c.Name == "chatcrm_session");
        cookie.HttpOnly.Should().BeTrue();
        cookie.Secure.Should().BeTrue();
        cookie.SameSite.Should().Be(SameSiteAttribute.Strict);

        await tab.Page.Locator("nav.tabs a[href='/app/reports']").ClickAsync();
        await tab.Page.Locator("img.chart").WaitForAsync();
        (await tab.Page.Locator("img.chart").EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(100, "the chart is a real picture");
        await tab.ScreenshotAsync("reports-laptop");
        tab.ShouldHaveNoErrors();

        await tab.Page.Locator("button.logout").ClickAsync();
        await tab.Page.Locator(".signin").WaitForAsync();
        await tab.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await tab.Page.Locator(".signin").WaitForAsync();
        (await tab.Page.Locator(".card").CountAsync()).Should().Be(0, "the session ended with the sign-out");
    }

    [BrowserFact]
    public async Task The_same_link_a_second_time_is_refused_and_shows_no_board()
    {
        var link = await LinkAsync();
        await using (var first = await browser.OpenAsync(_app.BaseAddress, Viewport.Laptop))
        {
            await first.Page.GotoAsync(link, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await first.Page.Locator(".card").First.WaitForAsync();
        }

        await using var second = await browser.OpenAsync(_app.BaseAddress, Viewport.Laptop);
        var replayed = await second.Page.GotoAsync(link);

        replayed!.Status.Should().Be(401);
        (await second.TextAsync()).Should().Contain("/web");
        (await second.Context.CookiesAsync()).Should().NotContain(c => c.Name == "chatcrm_session");
        await second.Page.GotoAsync("/app/board");
        await second.Page.Locator(".signin").WaitForAsync();
        (await second.TextAsync()).Should().NotContain("Ромашка");
    }

    [BrowserFact]
    public async Task The_team_view_on_a_phone_fits_the_screen_and_a_name_opens_that_managers_board()
    {
        await using var tab = await browser.OpenAsync(_app.BaseAddress, Viewport.Phone,
            TelegramWebApp.Script(InitDataSigner.For(Head, DateTimeOffset.UtcNow)));

        await tab.GoAsync("/app/team");
        await tab.Page.Locator(".team table").WaitForAsync();
        await tab.ScreenshotAsync("team-phone");
        await tab.Page.Locator(".team a", new() { HasText = "Иван" }).ClickAsync();
        await tab.Page.Locator(".card").First.WaitForAsync();

        tab.Page.Url.Should().Contain("/app/board?manager=");
        (await tab.TextAsync()).Should().Contain("Ромашка");
    }
}

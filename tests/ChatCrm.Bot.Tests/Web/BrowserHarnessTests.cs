using System.Diagnostics;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>
/// The browser harness itself, before any board page exists: the host on a real port as Chromium sees it, Telegram's
/// WebApp object as a page's own script sees it, and screenshot checks that do catch a blank or too wide page.
/// </summary>
[Browser]
[Collection(Browser.Collection)]
public sealed class BrowserHarnessTests(Browser browser, ITestOutputHelper output) : IAsyncLifetime
{
    private ChatCrmApp? _app;

    private ChatCrmApp App => _app ?? throw new InvalidOperationException("The host has not started");

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync(onPort: true);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task The_host_answers_a_real_browser_on_a_phone_screen()
    {
        App.BaseAddress.Host.Should().Be("localhost", "Chromium treats localhost as a secure context, so Secure cookies stick");
        using (var outside = new HttpClient())
        {
            (await outside.GetStringAsync(new Uri(App.BaseAddress, "health/live"))).Should().Be("{\"status\":\"ok\"}",
                "the host listens on a real TCP port, not only in memory");
        }

        using (var factoryClient = App.CreateClient())
        {
            factoryClient.BaseAddress!.Port.Should().Be(App.BaseAddress.Port, "the factory's own client (webhook posts, …) goes to the same port");
            (await factoryClient.GetStringAsync("/health/live")).Should().Be("{\"status\":\"ok\"}");
        }

        var clock = Stopwatch.StartNew();
        await using var tab = await browser.OpenAsync(App.BaseAddress, Viewport.Phone);
        var opened = clock.Elapsed;
        await tab.GoAsync("/health");
        var loaded = clock.Elapsed;

        (await tab.TextAsync()).Trim().Should().Be("{\"status\":\"ok\",\"database\":\"ready\"}");
        (await tab.Page.EvaluateAsync<bool>("() => window.isSecureContext")).Should().BeTrue();
        // JSON has no <meta name="viewport">: the phone lays it out 980px wide and shrinks it, as Chrome on Android does.
        var file = await tab.ScreenshotAsync(nameof(The_host_answers_a_real_browser_on_a_phone_screen), atScreenWidth: false);
        using (var shot = SkiaSharp.SKBitmap.Decode(file))
        {
            (shot.Width, shot.Height).Should().Be((360, 740), "the screenshot is the phone's screen");
        }

        tab.ShouldHaveNoErrors();
        tab.Blocked.Should().BeEmpty();

        output.WriteLine($"browser start {browser.StartTime.TotalMilliseconds:F0} ms (first test only), context and page {opened.TotalMilliseconds:F0} ms, " +
            $"/health loaded {(loaded - opened).TotalMilliseconds:F0} ms, screenshot {file}");
    }

    [BrowserFact]
    public async Task The_page_s_own_script_finds_Telegram_s_WebApp_with_its_user_and_theme_even_when_it_loads_telegram_web_app_js()
    {
        const string initData = "query_id=AAH1&user=%7B%22id%22%3A4242%2C%22first_name%22%3A%22%D0%90%D0%BD%D0%BD%D0%B0%22%7D&auth_date=1764750000&hash=abc";
        await using var tab = await browser.OpenAsync(App.BaseAddress, Viewport.Laptop, TelegramWebApp.Script(initData, "dark"));
        await ServeAsync(tab, "/harness",
            """
            <!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">
            <script src="https://telegram.org/js/telegram-web-app.js"></script>
            <style>body { background: var(--tg-theme-bg-color); color: var(--tg-theme-text-color); }</style></head>
            <body><p id="who">nobody</p><script>
              const app = window.Telegram.WebApp;
              app.ready();
              app.expand();
              document.getElementById('who').textContent =
                `${app.initDataUnsafe.user.first_name} ${app.initDataUnsafe.user.id} ${app.colorScheme} ${app.initData.length}`;
            </script></body></html>
            """);

        await tab.GoAsync("/harness");

        (await tab.Page.InnerTextAsync("#who")).Should().Be($"Анна 4242 dark {initData.Length}");
        (await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).Should().Be("rgb(33, 33, 33)",
            "the theme's CSS variables are set before the page's styles apply");
        (await TelegramWebApp.CallsAsync(tab.Page)).Should().Equal("ready", "expand");
        await tab.ScreenshotAsync(nameof(The_page_s_own_script_finds_Telegram_s_WebApp_with_its_user_and_theme_even_when_it_loads_telegram_web_app_js));
        tab.ShouldHaveNoErrors();

        await using var plain = await browser.OpenAsync(App.BaseAddress, Viewport.Laptop);
        await ServeAsync(plain, "/harness", "<!doctype html><p id=who>nobody</p><script>document.getElementById('who').textContent = typeof window.Telegram;</script>");
        await plain.GoAsync("/harness");
        (await plain.Page.InnerTextAsync("#who")).Should().Be("undefined", "without the init script there is no Telegram object");
    }

    [BrowserFact]
    public async Task The_screenshot_checks_fail_on_a_blank_page_and_on_a_page_wider_than_the_phone()
    {
        await using var tab = await browser.OpenAsync(App.BaseAddress, Viewport.Phone);
        await ServeAsync(tab, "/blank", "<!doctype html><html><body></body></html>");
        await tab.GoAsync("/blank");
        var blank = () => tab.ScreenshotAsync("harness-blank");
        (await blank.Should().ThrowAsync<XunitException>()).WithMessage("*shows something, not a blank page*");

        await ServeAsync(tab, "/wide",
            """
            <!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="margin:0"><p>Воронка</p><div class="column wide" style="width:500px;height:20px;background:#2481cc"></div></body></html>
            """);
        await tab.GoAsync("/wide");
        var wide = () => tab.ScreenshotAsync("harness-wide");
        (await wide.Should().ThrowAsync<XunitException>()).WithMessage("*fits the 360px screen*div.column.wide ends at 500px*");

        await ServeAsync(tab, "/unscaled", "<!doctype html><html><body><p>Воронка продаж</p></body></html>");
        await tab.GoAsync("/unscaled");
        var unscaled = () => tab.ScreenshotAsync("harness-unscaled");
        (await unscaled.Should().ThrowAsync<XunitException>()).WithMessage("*laid out at the phone 360×740 screen's width*");

        await ServeAsync(tab, "/fits",
            """
            <!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><p>Воронка продаж</p><div style="max-width:100%;width:500px;height:20px;background:#2481cc"></div></body></html>
            """);
        await tab.GoAsync("/fits");
        await tab.ScreenshotAsync("harness-fits");
    }

    // A page at the host's own origin without writing it into the host: the board's pages will come from the host itself.
    private static Task ServeAsync(BrowserTab tab, string path, string html) =>
        tab.Page.RouteAsync(url => new Uri(url).AbsolutePath == path,
            route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
}

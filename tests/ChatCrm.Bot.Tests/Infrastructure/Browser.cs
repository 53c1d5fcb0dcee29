using System.Diagnostics;
using Microsoft.Playwright;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for all the browser tests of a run: Debian's own (<c>apt-get install chromium</c>), driven by
/// Playwright's driver from the NuGet package. Playwright's browser download is never used (no <c>playwright install</c>):
/// it cannot reach its servers here, and the distribution's Chromium is what CI installs too.
/// </summary>
/// <remarks>
/// <para>A collection fixture: a test class joins with <c>[Collection(Browser.Collection)]</c> and takes a
/// <see cref="Browser"/> in its constructor. Chromium starts at the first <see cref="OpenAsync"/> (a run that selects no
/// browser test never starts it) and is closed when the collection ends. The tests of the collection run one after
/// another, which the two cores of this machine want anyway.</para>
/// <para>Mark tests <see cref="BrowserFactAttribute"/> and the class <see cref="BrowserAttribute"/>. Without Chromium
/// they are skipped on a developer's machine and fail on CI (CI=true), where .ci/run installs it.</para>
/// </remarks>
public sealed class Browser : IAsyncLifetime
{
    public const string Collection = "Browser";

    /// <summary>Without the background-networking flags Chromium calls home at start, and on a closed network those refused connections are noise at best.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _starting = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>/usr/bin/chromium, or the file CHATCRM_CHROMIUM names.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHATCRM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>CI=true (or 1), as CI runs .ci/run: a missing Chromium is then a failure, not a skip.</summary>
    public static bool OnCi => Environment.GetEnvironmentVariable("CI") is { } ci &&
        (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>How long starting Playwright's driver and Chromium took (zero until the first page).</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>
    /// A new tab in a fresh browser context (its own cookies and storage) at <paramref name="viewport"/>, with relative
    /// URLs resolved against <paramref name="baseAddress"/> (<see cref="ChatCrmApp.BaseAddress"/>).
    /// </summary>
    /// <param name="initScript">Runs in every document of the tab before the page's own scripts
    /// (e.g. <see cref="TelegramWebApp.Script"/>).</param>
    /// <param name="locale">navigator.language and the Accept-Language the pages are asked with.</param>
    public async Task<BrowserTab> OpenAsync(Uri baseAddress, Viewport viewport, string? initScript = null, string locale = "ru-RU")
    {
        var browser = await StartAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            DeviceScaleFactor = 1,
            Locale = locale,
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }

        return await BrowserTab.OpenAsync(context, baseAddress, viewport);
    }

    private async Task<IBrowser> StartAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                return _browser;
            }

            if (!IsInstalled)
            {
                throw new InvalidOperationException($"Chromium is not at {ExecutablePath}: apt-get install chromium, or set CHATCRM_CHROMIUM " +
                    "to its executable.");
            }

            var clock = Stopwatch.StartNew();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
            StartTime = clock.Elapsed;
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _starting.Dispose();
    }
}

/// <summary>The browser tests' collection: one <see cref="Browser"/> for all of them.</summary>
[CollectionDefinition(Browser.Collection)]
public sealed class BrowserCollection : ICollectionFixture<Browser>;

/// <summary>
/// A screen size in CSS pixels. A phone also gets touch and a phone browser's handling of the viewport: a page without
/// <c>&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;</c> is laid out 980px wide and shrunk.
/// </summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    /// <summary>A common Android phone: where the head opens the board from Telegram.</summary>
    public static readonly Viewport Phone = new("phone", 360, 740, IsMobile: true);

    /// <summary>Telegram Desktop's Mini App window made large, or the board in a laptop's browser.</summary>
    public static readonly Viewport Laptop = new("laptop", 1280, 800, IsMobile: false);

    public override string ToString() => $"{Name} {Width}×{Height}";
}

/// <summary>
/// A page open in its own browser context, with what went wrong in it: console errors, uncaught exceptions and failed
/// requests (<see cref="Errors"/>), and requests to other hosts, which are never let out (<see cref="Blocked"/>).
/// Dispose it to close the context.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _blocked = [];

    private BrowserTab(IBrowserContext context, IPage page, Viewport viewport)
    {
        Context = context;
        Page = page;
        Viewport = viewport;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public Viewport Viewport { get; }

    /// <summary>How long opening the context and its page took.</summary>
    public TimeSpan OpenTime { get; private set; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public IReadOnlyList<string> Blocked
    {
        get
        {
            lock (_blocked)
            {
                return [.. _blocked];
            }
        }
    }

    internal static async Task<BrowserTab> OpenAsync(IBrowserContext context, Uri baseAddress, Viewport viewport)
    {
        var clock = Stopwatch.StartNew();

        // The tests run on a closed network: a request to another host would wait for a timeout, and on an open one it
        // would make the test depend on the world. Telegram's own telegram-web-app.js answers empty, so that the page
        // keeps the window.Telegram.WebApp the test put in (TelegramWebApp.Script); everything else is refused.
        var origin = baseAddress.GetLeftPart(UriPartial.Authority);
        var tab = new BrowserTab(context, await context.NewPageAsync(), viewport);
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.OrdinalIgnoreCase) &&
                                        (url.StartsWith("http:", StringComparison.Ordinal) || url.StartsWith("https:", StringComparison.Ordinal)),
            async route =>
            {
                var url = route.Request.Url;
                if (url.Contains("/telegram-web-app.js", StringComparison.Ordinal))
                {
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/javascript", Body = "" });
                    return;
                }

                tab.Note(tab._blocked, url);
                await route.AbortAsync("blockedbyclient");
            });
        tab.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                tab.Note(tab._errors, $"console: {message.Text}");
            }
        };
        tab.Page.PageError += (_, error) => tab.Note(tab._errors, $"uncaught: {error}");
        tab.Page.RequestFailed += (_, request) =>
        {
            if (request.Url.StartsWith(origin, StringComparison.OrdinalIgnoreCase))
            {
                tab.Note(tab._errors, $"request failed: {request.Method} {request.Url}: {request.Failure}");
            }
        };
        tab.OpenTime = clock.Elapsed;
        return tab;
    }

    private void Note(List<string> list, string entry)
    {
        lock (list)
        {
            list.Add(entry);
        }
    }

    /// <summary>Opens <paramref name="path"/> (relative to the host) and insists on a 2xx answer.</summary>
    public async Task<IResponse> GoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        response.Ok.Should().BeTrue($"GET {path} answers {response.Status} {response.StatusText}");
        return response;
    }

    /// <summary>The text the page shows, as a reader would copy it.</summary>
    public Task<string> TextAsync() => Page.InnerTextAsync("body");

    /// <summary>Saves a screenshot and checks it (see <see cref="Screenshots.TakeAsync"/>).</summary>
    public Task<string> ScreenshotAsync(string name, bool fullPage = false, bool atScreenWidth = true) =>
        Screenshots.TakeAsync(this, name, fullPage, atScreenWidth);

    /// <summary>No script error, uncaught exception or failed request so far.</summary>
    public void ShouldHaveNoErrors() => Errors.Should().BeEmpty("the page ran without errors");

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

/// <summary>
/// A [Fact] that drives a browser: skipped when Chromium is missing on a developer's machine, run (and so failing with
/// the reason) on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.IsInstalled && !Browser.OnCi)
        {
            Skip = $"Chromium is not at {Browser.ExecutablePath} (apt-get install chromium, or set CHATCRM_CHROMIUM); on CI this test fails instead";
        }
    }
}

/// <summary>The [Theory] counterpart of <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Browser.IsInstalled && !Browser.OnCi)
        {
            Skip = $"Chromium is not at {Browser.ExecutablePath} (apt-get install chromium, or set CHATCRM_CHROMIUM); on CI this test fails instead";
        }
    }
}

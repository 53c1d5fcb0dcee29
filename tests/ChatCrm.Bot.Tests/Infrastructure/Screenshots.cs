using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// Screenshots a person can look at after a run, each checked for the two failures a glance would catch: a blank page,
/// and a page wider than the screen (the phone's sideways scroll).
/// </summary>
/// <remarks>
/// The files go to artifacts/screenshots/ at the repository's root (gitignored), or to screenshots/ under the folder
/// CHATCRM_ARTIFACTS names; a file is named after the test's own name and the viewport, and a later run overwrites it.
/// The PNG is decoded with SkiaSharp, which ScottPlot brings into the host already.
/// </remarks>
public static partial class Screenshots
{
    /// <summary>A blank page is one or two colours; a line of anti-aliased text alone brings far more than this.</summary>
    public const int MinimumColours = 8;

    public static string Folder =>
        Path.Combine(Environment.GetEnvironmentVariable("CHATCRM_ARTIFACTS") is { Length: > 0 } artifacts
            ? artifacts
            : Path.Combine(RepositoryRoot(), "artifacts"), "screenshots");

    /// <summary>
    /// Saves what <paramref name="tab"/> shows as <c>&lt;name&gt;-&lt;viewport&gt;.png</c> and asserts it is not blank, that
    /// the page does not scroll sideways and (unless told otherwise) that it is laid out at the screen's width. Returns the
    /// file's path.
    /// </summary>
    /// <param name="fullPage">The whole page rather than the screen the user sees first.</param>
    /// <param name="atScreenWidth">
    /// Insist the page is laid out at the viewport's width. On <see cref="Viewport.Phone"/> a page without
    /// <c>&lt;meta name="viewport" content="width=device-width, initial-scale=1"&gt;</c> is laid out 980px wide and shown
    /// shrunk, as a phone's browser does: false only for documents that are not pages of ours (JSON, plain text).
    /// </param>
    public static async Task<string> TakeAsync(BrowserTab tab, string name, bool fullPage = false, bool atScreenWidth = true)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{Unsafe().Replace(name, "_")}-{tab.Viewport.Name}.png");
        var png = await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });

        var colours = DistinctColours(png);
        colours.Should().BeGreaterThanOrEqualTo(MinimumColours, $"the screenshot {path} shows something, not a blank page");
        await ShouldNotOverflowAsync(tab.Page, path);
        if (atScreenWidth)
        {
            var layout = await tab.Page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            layout.Should().BeLessThanOrEqualTo(tab.Viewport.Width,
                $"the page is laid out at the {tab.Viewport} screen's width (a <meta name=\"viewport\" content=\"width=device-width, " +
                $"initial-scale=1\"> is missing?) ({path})");
        }

        return path;
    }

    /// <summary>How many different colours the PNG has: 1 for a blank page.</summary>
    public static int DistinctColours(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("The screenshot is not a PNG SkiaSharp can read");
        return bitmap.Pixels.Distinct().Count();
    }

    /// <summary>
    /// Nothing sticks out to the right: the root's scrollWidth is no more than its clientWidth (the layout viewport, less
    /// a scrollbar). Not <c>window.innerWidth</c>: a phone's Chromium widens innerWidth to the widest content, so the
    /// overflow would compare with itself. On failure, names the elements that stick out furthest.
    /// </summary>
    public static async Task ShouldNotOverflowAsync(IPage page, string because = "")
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1])
        {
            return;
        }

        var culprits = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('body *')]
              .map(e => [e, e.getBoundingClientRect().right])
              .filter(([, right]) => right > document.documentElement.clientWidth)
              .sort((a, b) => b[1] - a[1])
              .slice(0, 5)
              .map(([e, right]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : ''} ends at ${Math.round(right)}px`)
            """);
        widths[0].Should().BeLessThanOrEqualTo(widths[1],
            $"the page fits the {widths[1]}px screen without sideways scrolling ({because}); too wide: {string.Join("; ", culprits)}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatCrm.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatCrm.sln above {AppContext.BaseDirectory}: set CHATCRM_ARTIFACTS");
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex Unsafe();
}

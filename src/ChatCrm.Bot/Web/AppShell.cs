using System.Reflection;
using System.Security.Cryptography;

namespace ChatCrm.Bot.Web;

/// <summary>
/// The page every view of the board app opens in: no data of its own (a Mini App's first request carries no initData),
/// only the script that signs each request in and loads the view's server-rendered part. Its assets are embedded in the
/// program and named by a hash of their content, so a new release is never shown with an old script.
/// </summary>
public static class AppShell
{
    /// <summary>Telegram's own script: it gives the page <c>window.Telegram.WebApp</c> (initData, theme) inside Telegram.</summary>
    public const string TelegramScript = "https://telegram.org/js/telegram-web-app.js";

    private static readonly Asset Script = Asset.Load("app.js", "text/javascript; charset=utf-8");
    private static readonly Asset Styles = Asset.Load("app.css", "text/css; charset=utf-8");

    private static readonly string Page = $$"""
        <!doctype html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
        <meta name="color-scheme" content="light dark">
        <meta name="referrer" content="no-referrer">
        <title>ChatCrm</title>
        <script src="{{TelegramScript}}"></script>
        <link rel="stylesheet" href="/app/assets/app.css?v={{Styles.Version}}">
        </head>
        <body>
        <main id="view" aria-live="polite"><p class="loading">…</p></main>
        <dialog id="sheet"></dialog>
        <div id="toast" role="status" hidden></div>
        <script src="/app/assets/app.js?v={{Script.Version}}"></script>
        </body>
        </html>
        """;

    /// <summary>What the pages may load and who may frame them (Telegram's web clients show a Mini App in a frame).</summary>
    private const string Policy =
        "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org; base-uri 'none'; form-action 'self'";

    public static IEndpointRouteBuilder MapAppShell(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app", ShellAsync);
        app.MapGet("/app/{view:regex(^(board|reports|team|clients)$)}", ShellAsync);
        app.MapGet("/app/assets/app.js", (HttpContext http) => Script.Serve(http));
        app.MapGet("/app/assets/app.css", (HttpContext http) => Styles.Serve(http));
        return app;
    }

    private static IResult ShellAsync(HttpContext http)
    {
        Secure(http.Response);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(Page, "text/html; charset=utf-8");
    }

    /// <summary>Headers every page of the app carries.</summary>
    public static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private sealed record Asset(byte[] Content, string ContentType, string Version)
    {
        public static Asset Load(string name, string contentType)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ChatCrm.Web.{name}")
                ?? throw new InvalidOperationException($"The board's {name} is not embedded in the program.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            return new Asset(content, contentType, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
        }

        public IResult Serve(HttpContext http)
        {
            var etag = $"\"{Version}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = http.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "no-cache";
            return http.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(Content, ContentType);
        }
    }
}

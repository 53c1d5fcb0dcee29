using System.Text;

namespace ChatCrm.Core.Messages;

/// <summary>An inline button: a callback (ids, never text, ≤ 64 bytes), a link, or a Mini App (the board) opened inside Telegram.</summary>
public sealed record Button
{
    public const int MaxDataBytes = 64;

    private Button(string text, string? data, string? url, bool opensWebApp = false)
    {
        Text = text;
        Data = data;
        Url = url;
        OpensWebApp = opensWebApp;
    }

    public string Text { get; }
    public string? Data { get; }
    public string? Url { get; }

    /// <summary>The <see cref="Url"/> is a Mini App (Telegram's <c>web_app</c> button): it opens signed in, over the chat.</summary>
    public bool OpensWebApp { get; }

    public static Button Callback(string text, string data)
    {
        if (Encoding.UTF8.GetByteCount(data) > MaxDataBytes)
        {
            throw new ArgumentException($"Callback data '{data}' is over {MaxDataBytes} bytes.", nameof(data));
        }

        return new Button(text, data, null);
    }

    public static Button Link(string text, string url) => new(text, null, url);

    /// <summary>Opens the board (an https URL) as a Mini App; Telegram allows these in private chats only, where the bot talks.</summary>
    public static Button WebApp(string text, string url) => new(text, null, url, opensWebApp: true);
}

/// <summary>A message the bot sends: HTML text (already escaped) and rows of buttons.</summary>
public sealed record Reply
{
    public const int MaxLength = 4096;
    private const string Cut = "\n…";

    public Reply(string html, IReadOnlyList<IReadOnlyList<Button>>? buttons = null)
    {
        Html = Fit(html);
        Buttons = buttons ?? [];
    }

    public string Html { get; }
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; }

    public static implicit operator Reply(string html) => new(html);

    /// <summary>
    /// Last line of defence for the 4096-character limit: lists page themselves, but if text still runs over it is
    /// cut at a safe place (<see cref="Messages.Html.Cut"/>): a line break when there is one, never inside a tag, an
    /// entity or an emoji, and with the tags open at the cut closed.
    /// </summary>
    private static string Fit(string html) => Messages.Html.Cut(html, MaxLength, Cut);
}

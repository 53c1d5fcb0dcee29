using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Messages;

/// <summary>Telegram's HTML parse mode rejects a whole message for one stray `&lt;`; every user value goes through here.</summary>
public static partial class Html
{
    /// <summary>What a message says without its markup, for a terminal or a web page that shows it as text.</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.AsSpan().IndexOfAny("<>&\"") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    public static string Bold(string? value) => $"<b>{Escape(value)}</b>";

    public static string Code(string? value) => $"<code>{Escape(value)}</code>";

    /// <summary>
    /// <paramref name="html"/> cut to at most <paramref name="maxLength"/> characters with <paramref name="marker"/>
    /// appended, at a safe place: at a line break when one is in the second half of what fits, never inside a tag,
    /// an entity (<c>&amp;amp;</c>) or a surrogate pair (an emoji), and with the tags still open at the cut closed,
    /// so Telegram's HTML parser accepts the result. Unchanged when it fits.
    /// </summary>
    public static string Cut(string html, int maxLength, string marker)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(marker);
        if (html.Length <= maxLength)
        {
            return html;
        }

        var budget = maxLength - marker.Length;
        while (budget > 0)
        {
            var end = SafeEnd(html, budget);
            var open = OpenTags(html, end);
            var closing = string.Concat(open.Select(t => $"</{t}>"));
            if (end + closing.Length + marker.Length <= maxLength)
            {
                return html[..end] + closing + marker;
            }

            budget = maxLength - marker.Length - closing.Length;
            budget = Math.Min(budget, end - 1);
        }

        return marker.Length <= maxLength ? marker : "";
    }

    /// <summary>Where to cut at or before <paramref name="limit"/>: not inside a tag, an entity or a surrogate pair.</summary>
    private static int SafeEnd(string html, int limit)
    {
        var lineBreak = html.LastIndexOf('\n', limit - 1);
        var end = lineBreak >= limit / 2 ? lineBreak : limit;

        var tag = html.LastIndexOf('<', end - 1);
        if (tag >= 0 && html.IndexOf('>', tag) is var close && (close < 0 || close >= end))
        {
            end = tag;
        }

        var entity = html.LastIndexOf('&', end - 1);
        if (entity >= 0 && html.IndexOf(';', entity) is var semicolon && (semicolon < 0 || semicolon >= end))
        {
            end = entity;
        }

        if (end > 0 && char.IsHighSurrogate(html[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>The names of the tags opened but not closed in <paramref name="html"/>[..end], innermost first.</summary>
    private static List<string> OpenTags(string html, int end)
    {
        var open = new Stack<string>();
        var i = html.IndexOf('<', 0, end);
        while (i >= 0)
        {
            var close = html.IndexOf('>', i, end - i);
            if (close < 0)
            {
                break;
            }

            var inner = html.AsSpan(i + 1, close - i - 1).Trim();
            var closing = inner.StartsWith("/");
            var name = Name(closing ? inner[1..] : inner);
            if (closing)
            {
                if (open.Count > 0 && open.Peek() == name)
                {
                    open.Pop();
                }
            }
            else if (name.Length > 0 && !inner.EndsWith("/"))
            {
                open.Push(name);
            }

            i = close + 1 < end ? html.IndexOf('<', close + 1, end - close - 1) : -1;
        }

        return [.. open];
    }

    private static string Name(ReadOnlySpan<char> tag)
    {
        var stop = tag.IndexOfAny(" \t\n/");
        return (stop < 0 ? tag : tag[..stop]).ToString().ToLowerInvariant();
    }
}

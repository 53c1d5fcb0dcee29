using System.Text;

namespace ChatCrm.Core.Messages;

/// <summary>Telegram's HTML parse mode rejects a whole message for one stray `&lt;`; every user value goes through here.</summary>
public static class Html
{
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
}

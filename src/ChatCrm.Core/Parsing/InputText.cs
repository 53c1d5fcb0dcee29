using System.Text;

namespace ChatCrm.Core.Parsing;

/// <summary>What people send, made safe to store and echo.</summary>
public static class InputText
{
    /// <summary>
    /// <paramref name="text"/> without control characters (NUL, BEL, ESC, CR, DEL, the C1 range…) other than a line
    /// break and a tab: they are invisible in a chat, break terminals and logs when echoed, and PostgreSQL refuses
    /// NUL in text outright. Null stays null; a text without them is returned as is.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null || !text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

namespace ChatCrm.Core.Commands;

/// <summary>A typed command: `/name@bot args`. Telegram allows a-z, 0-9 and _ in names.</summary>
public sealed record CommandLine(string Name, string Args, string? AddressedTo)
{
    public const int MaxNameLength = 32;

    /// <summary>Null when the text is not a command.</summary>
    public static CommandLine? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            return null;
        }

        var i = 1;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        if (i == 1 || i - 1 > MaxNameLength)
        {
            return null;
        }

        var name = text[1..i].ToLowerInvariant();
        string? addressedTo = null;
        if (i < text.Length && text[i] == '@')
        {
            var start = ++i;
            while (i < text.Length && (IsNameChar(text[i])))
            {
                i++;
            }

            addressedTo = text[start..i];
        }

        if (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            return null;
        }

        return new CommandLine(name, text[i..].Trim(), addressedTo);
    }

    /// <summary>Whether the command was meant for this bot (`/x@other_bot` in a group is not ours).</summary>
    public bool IsFor(string? botUsername) =>
        AddressedTo is null || botUsername is null || AddressedTo.Equals(botUsername, StringComparison.OrdinalIgnoreCase);

    private static bool IsNameChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}

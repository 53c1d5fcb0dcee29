using System.Net.Mail;

namespace ChatCrm.Core.Matching;

/// <summary>E-mail addresses compared the way mail servers deliver them in practice: trimmed and lower case.</summary>
public static class Emails
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxLength = 254;

    /// <summary>`a@b.ru` (trimmed, lower case) or null when it is not a plain address with a dotted domain.</summary>
    public static string? Normalise(string? input)
    {
        var text = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        if (!MailAddress.TryCreate(text, out var address)
            // MailAddress also accepts "Name <a@b.ru>"; a stored address must be only the address.
            || address.Address != text
            || !address.Host.Contains('.', StringComparison.Ordinal)
            || address.Host.StartsWith('.') || address.Host.EndsWith('.'))
        {
            return null;
        }

        return text;
    }
}

using System.Text;

namespace ChatCrm.Core.Matching;

/// <summary>What a stored search key of a client holds.</summary>
public enum ClientKeyKind
{
    /// <summary>One word of <see cref="ClientNames.MatchKey"/>: a word or its start finds the client.</summary>
    Word = 1,

    /// <summary>A phone's digits reversed (`+79001234567` → `76543210097`): its last digits are the key's start.</summary>
    PhoneTail = 2,

    /// <summary>A normalised e-mail address.</summary>
    Email = 3,
}

/// <summary>One search key: the kind and the value the store indexes.</summary>
public readonly record struct ClientKey(ClientKeyKind Kind, string Value);

/// <summary>
/// The keys a client can be found by, stored one a row so that every way people refer to a client — any word of its
/// name, the start of one, the last digits of a phone, an e-mail — is an index range, not a scan of every client.
/// </summary>
public static class ClientSearchKeys
{
    /// <summary>Bump when the keys a name yields change: clients stored with an older version get theirs rebuilt at start.</summary>
    public const int Version = 1;

    /// <summary>The fewest trailing digits that name a phone: fewer would match half the book.</summary>
    public const int MinPhoneDigits = 4;

    /// <summary>Longest stored value: a long word of a name or an e-mail address.</summary>
    public const int MaxValueLength = Emails.MaxLength;

    public static IReadOnlyList<ClientKey> For(string name, IEnumerable<string> phones, IEnumerable<string> emails)
    {
        var keys = new List<ClientKey>();
        foreach (var word in ClientNames.MatchKey(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            keys.Add(new ClientKey(ClientKeyKind.Word, word.Length > MaxValueLength ? word[..MaxValueLength] : word));
        }

        foreach (var phone in phones.Select(Digits).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal))
        {
            keys.Add(new ClientKey(ClientKeyKind.PhoneTail, Reverse(phone)));
        }

        foreach (var email in emails.Select(Emails.Normalise).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            keys.Add(new ClientKey(ClientKeyKind.Email, email));
        }

        return keys;
    }

    /// <summary>The digits of a phone (or of a typed tail), in order.</summary>
    public static string Digits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string([.. text.Where(char.IsAsciiDigit)]);
    }

    /// <summary>The value a <see cref="ClientKeyKind.PhoneTail"/> key starts with when its phone ends in <paramref name="digits"/>.</summary>
    public static string TailKey(string digits) => Reverse(digits);

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>: the end of a prefix range.</summary>
    public static string RangeEnd(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var sb = new StringBuilder(prefix);
        sb[^1] = (char)(sb[^1] + 1);
        return sb.ToString();
    }

    private static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}

using ChatCrm.Core.Domain.Crm;
using FuzzySharp;

namespace ChatCrm.Core.Matching;

/// <summary>An existing client as the duplicate check needs it; phones and e-mails in the stored ';'-separated form.</summary>
public sealed record ExistingClient(long Id, string Name, string Phones = "", string Emails = "")
{
    public static ExistingClient From(Client client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client.Id, client.Name, client.Phones, client.Emails);
    }
}

[Flags]
public enum DuplicateReason
{
    None = 0,
    Phone = 1,
    Email = 2,
    Name = 4,
}

/// <summary>An existing client that looks like the new one, why, and how alike the names are (0..100).</summary>
public sealed record Duplicate(long Id, string Name, DuplicateReason Reason, int NameScore);

/// <summary>Before /client creates a client: "is this one we already have?"</summary>
public static class DuplicateCheck
{
    /// <summary>
    /// FuzzySharp ratio of the names' <see cref="ClientNames.Compact"/> keys (look-alike letters, case, quotes, spaces and
    /// legal forms aside) that counts as the same client: high, because a false alarm costs the
    /// user a tap while "Альфа" and "Альта" may well be different companies.
    /// </summary>
    public const int NameThreshold = 90;

    /// <summary>
    /// Existing clients with the same phone or e-mail (after normalisation; invalid ones are ignored) or a
    /// near-identical name; contact matches first, then by name likeness. Pass the clients worth checking
    /// (the stored phones and e-mails are assumed normalised, as <see cref="Client"/> keeps them).
    /// </summary>
    public static IReadOnlyList<Duplicate> Find(string name, IEnumerable<string> phones, IEnumerable<string> emails,
        IReadOnlyList<ExistingClient> existing, string defaultRegion = "RU")
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(existing);

        var key = ClientNames.Compact(name);
        var newPhones = phones.Select(p => Phones.Normalise(p, defaultRegion)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var newEmails = emails.Select(Emails.Normalise).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var found = new List<Duplicate>();
        foreach (var client in existing)
        {
            var reason = DuplicateReason.None;
            if (Split(client.Phones).Any(newPhones.Contains))
            {
                reason |= DuplicateReason.Phone;
            }

            if (Split(client.Emails).Any(e => newEmails.Contains(e.ToLowerInvariant())))
            {
                reason |= DuplicateReason.Email;
            }

            var other = ClientNames.Compact(client.Name);
            var score = key.Length == 0 || other.Length == 0 ? 0 : Fuzz.Ratio(key, other);
            if (score >= NameThreshold)
            {
                reason |= DuplicateReason.Name;
            }

            if (reason != DuplicateReason.None)
            {
                found.Add(new Duplicate(client.Id, client.Name, reason, score));
            }
        }

        return
        [
            .. found
                .OrderByDescending(d => (d.Reason & (DuplicateReason.Phone | DuplicateReason.Email)) != 0)
                .ThenByDescending(d => d.NameScore)
                .ThenBy(d => d.Id),
        ];
    }

    private static string[] Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

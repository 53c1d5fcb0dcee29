using ChatCrm.Core.Matching;
using PhoneNormaliser = ChatCrm.Core.Matching.Phones;

namespace ChatCrm.Core.Domain.Crm;

/// <summary>A company or person the team sells to. Phones and e-mails are stored normalised, so search and duplicate checks are plain string matches.</summary>
public sealed class Client
{
    public const int MaxNameLength = 200;
    public const int MaxPhones = 5;
    public const int MaxEmails = 5;
    public const int MaxCityLength = 100;
    public const int MaxNoteLength = 1000;

    /// <summary>Column sizes for the stored lists: <see cref="MaxPhones"/> E.164 numbers (≤ 16 chars) or <see cref="MaxEmails"/> addresses, ';'-separated.</summary>
    public const int MaxPhonesLength = MaxPhones * 17;
    public const int MaxEmailsLength = MaxEmails * (Matching.Emails.MaxLength + 1);

    private const char Separator = ';';

    private readonly List<ClientSearchKey> _searchKeys = [];

    private Client()
    {
        Name = "";
        NameKey = "";
        MatchKey = "";
        Phones = "";
        Emails = "";
    }

    public long Id { get; private set; }
    public string Name { get; private set; }

    /// <summary><see cref="ClientNames.Normalise"/> of <see cref="Name"/>, kept in step for indexed search and duplicate checks.</summary>
    public string NameKey { get; private set; }

    /// <summary>
    /// <see cref="ClientNames.MatchKey"/> of <see cref="Name"/> (look-alike Latin letters folded into Cyrillic), kept in
    /// step for the indexed duplicate check and for finding the client a command names.
    /// </summary>
    public string MatchKey { get; private set; }
    public long? SegmentId { get; private set; }

    /// <summary>The manager who works the client; null = the unassigned pool.</summary>
    public long? OwnerUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long CreatedByUserId { get; private set; }

    /// <summary>When the latest done touch happened; only moves forward, so a back-dated call never hides a newer one.</summary>
    public DateTime? LastTouchAt { get; private set; }

    /// <summary>The earliest planned contact; the handler recomputes it after planning, completing or cancelling.</summary>
    public DateTime? NextContactAt { get; private set; }

    /// <summary>
    /// Whether any of the client's deals is open: what the forgotten-client scan starts from. The store keeps it in
    /// step with the deals (ChatCrmDbContext recomputes it for the clients whose deals a save opens, closes, reopens,
    /// deletes or moves; the import's bulk insert sets it), so no code sets it.
    /// </summary>
    public bool HasOpenDeal { get; private set; }

    /// <summary>E.164 numbers separated by ';' (e.g. `+79001234567;+74951234567`), or empty.</summary>
    public string Phones { get; private set; }

    /// <summary>Lower-case addresses separated by ';', or empty.</summary>
    public string Emails { get; private set; }

    /// <summary>The town the client is in, as typed («Казань»); null when unknown.</summary>
    public string? City { get; private set; }

    /// <summary>A standing note about the client (not a touch's note): how to reach them, what matters to them.</summary>
    public string? Note { get; private set; }

    /// <summary>The <see cref="ClientSearchKeys.Version"/> <see cref="SearchKeys"/> were built with; older ones are rebuilt at start.</summary>
    public int SearchKeysVersion { get; private set; }

    /// <summary>The words, phone tails and e-mails the client is found by (<see cref="ClientSearchKeys"/>).</summary>
    public IReadOnlyCollection<ClientSearchKey> SearchKeys => _searchKeys;

    public IReadOnlyList<string> PhoneNumbers => Split(Phones);
    public IReadOnlyList<string> EmailAddresses => Split(Emails);

    public static Client Create(string name, long createdByUserId, DateTime nowUtc, long? ownerUserId = null)
    {
        var client = new Client { CreatedByUserId = createdByUserId, CreatedAt = nowUtc, OwnerUserId = ownerUserId };
        client.Rename(name);
        return client;
    }

    public void Rename(string name)
    {
        Name = Text.Name(name, MaxNameLength);
        RefreshKeys();
    }

    /// <summary>Recomputes the comparison keys from the name: after the rules of <see cref="ClientNames"/> change.</summary>
    public void RefreshKeys()
    {
        NameKey = ClientNames.Normalise(Name);
        MatchKey = ClientNames.MatchKey(Name);
    }

    /// <summary>
    /// Brings <see cref="SearchKeys"/> in step with the name, phones and e-mails: stale keys go, missing ones come.
    /// The store calls it before saving a client whose name or contacts changed, with the stored keys loaded.
    /// </summary>
    public void SyncSearchKeys()
    {
        var wanted = ClientSearchKeys.For(Name, PhoneNumbers, EmailAddresses).ToHashSet();
        _searchKeys.RemoveAll(k => !wanted.Contains(new ClientKey(k.Kind, k.Value)));
        foreach (var key in wanted.Where(w => !_searchKeys.Any(k => k.Kind == w.Kind && k.Value == w.Value)))
        {
            _searchKeys.Add(ClientSearchKey.Of(key));
        }

        SearchKeysVersion = ClientSearchKeys.Version;
    }

    /// <summary>Adds a phone in any common notation; false when the client already has it. Refuses invalid numbers.</summary>
    public bool AddPhone(string phone, string defaultRegion = "RU")
    {
        var e164 = PhoneNormaliser.Normalise(phone, defaultRegion) ?? throw new DomainException(DomainError.InvalidPhone, phone);
        return Add(Phones, e164, MaxPhones, DomainError.TooManyPhones, v => Phones = v);
    }

    /// <summary>Adds an e-mail; false when the client already has it. Refuses anything that is not a plain address.</summary>
    public bool AddEmail(string email)
    {
        var normalised = Matching.Emails.Normalise(email) ?? throw new DomainException(DomainError.InvalidEmail, email);
        return Add(Emails, normalised, MaxEmails, DomainError.TooManyEmails, v => Emails = v);
    }

    public bool RemovePhone(string phone) =>
        PhoneNormaliser.Normalise(phone) is { } e164 && Remove(Phones, e164, v => Phones = v);

    public bool RemoveEmail(string email) =>
        Matching.Emails.Normalise(email) is { } normalised && Remove(Emails, normalised, v => Emails = v);

    /// <summary>Blank clears the city.</summary>
    public void SetCity(string? city) =>
        City = string.IsNullOrWhiteSpace(city) ? null : Text.Name(city, MaxCityLength);

    /// <summary>Blank clears the note; a long note is refused, never cut.</summary>
    public void SetNote(string? note) =>
        Note = string.IsNullOrWhiteSpace(note) ? null : Text.Note(note, MaxNoteLength);

    /// <summary>Null returns the client to the unassigned pool.</summary>
    public void AssignTo(long? userId) => OwnerUserId = userId;

    public void SetSegment(Segment? segment)
    {
        if (segment is { IsRetired: true })
        {
            throw new DomainException(DomainError.SegmentRetired, segment.Name);
        }

        SegmentId = segment?.Id;
    }

    /// <summary>Called by <see cref="Touch"/> when a touch is done; earlier touches leave <see cref="LastTouchAt"/> alone.</summary>
    public void RecordTouch(DateTime happenedAtUtc)
    {
        if (LastTouchAt is null || happenedAtUtc > LastTouchAt)
        {
            LastTouchAt = happenedAtUtc;
        }
    }

    public void SetNextContact(DateTime? earliestPlannedUtc) => NextContactAt = earliestPlannedUtc;

    private static IReadOnlyList<string> Split(string joined) =>
        joined.Length == 0 ? [] : joined.Split(Separator);

    private static bool Add(string joined, string value, int max, DomainError tooMany, Action<string> store)
    {
        var list = Split(joined);
        if (list.Contains(value, StringComparer.Ordinal))
        {
            return false;
        }

        if (list.Count >= max)
        {
            throw new DomainException(tooMany, max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        store(string.Join(Separator, list.Append(value)));
        return true;
    }

    private static bool Remove(string joined, string value, Action<string> store)
    {
        var list = Split(joined);
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            return false;
        }

        store(string.Join(Separator, list.Where(v => v != value)));
        return true;
    }
}

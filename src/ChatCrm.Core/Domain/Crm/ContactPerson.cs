using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Domain.Crm;

/// <summary>Someone the manager talks to at a client; phone and e-mail are stored normalised like the client's.</summary>
public sealed class ContactPerson
{
    public const int MaxNameLength = 200;
    public const int MaxPositionLength = 100;

    private ContactPerson()
    {
        Name = "";
    }

    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public string Name { get; private set; }

    /// <summary>E.164.</summary>
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    /// <summary>Job title, e.g. «закупщик».</summary>
    public string? Position { get; private set; }

    public static ContactPerson Create(long clientId, string name, string? phone = null, string? email = null,
        string? position = null)
    {
        var person = new ContactPerson { ClientId = clientId };
        person.Update(name, phone, email, position);
        return person;
    }

    /// <summary>Replaces every field at once; blank phone, e-mail or position clear them.</summary>
    public void Update(string name, string? phone, string? email, string? position)
    {
        var checkedName = Text.Name(name, MaxNameLength);
        var checkedPhone = string.IsNullOrWhiteSpace(phone)
            ? null
            : Phones.Normalise(phone) ?? throw new DomainException(DomainError.InvalidPhone, phone);
        var checkedEmail = string.IsNullOrWhiteSpace(email)
            ? null
            : Emails.Normalise(email) ?? throw new DomainException(DomainError.InvalidEmail, email);
        var checkedPosition = string.IsNullOrWhiteSpace(position) ? null : Text.Name(position, MaxPositionLength);

        (Name, Phone, Email, Position) = (checkedName, checkedPhone, checkedEmail, checkedPosition);
    }
}

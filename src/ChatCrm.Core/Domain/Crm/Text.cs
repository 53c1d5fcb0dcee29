namespace ChatCrm.Core.Domain.Crm;

/// <summary>The shared checks for names and notes, so every entity refuses them with the same errors.</summary>
internal static class Text
{
    /// <summary>Trimmed, inner runs of whitespace collapsed to one space; refuses empty or longer than <paramref name="max"/>.</summary>
    public static string Name(string? value, int max, DomainError tooLong = DomainError.NameTooLong)
    {
        var name = Collapse(value);
        if (name.Length == 0)
        {
            throw new DomainException(DomainError.NameEmpty);
        }

        return name.Length <= max ? name : throw new DomainException(tooLong, name);
    }

    /// <summary>Trimmed note or null; a longer note is refused rather than cut, so nothing the user wrote is lost silently.</summary>
    public static string? Note(string? value, int max)
    {
        var note = value?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return null;
        }

        return note.Length <= max ? note : throw new DomainException(DomainError.NoteTooLong, note.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string Collapse(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? ""
            : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;

namespace ChatCrm.Bot.Features.Records;

/// <summary>
/// The details of a client a user can edit, as stored: what /undo of an /edit or a /merge puts back. Compared whole,
/// so an undo can tell whether anyone changed the client since.
/// </summary>
internal sealed record ClientRecord(string Name, string Phones, string Emails, long? SegmentId, string? City, string? Note)
{
    public static ClientRecord Of(Client client) =>
        new(client.Name, client.Phones, client.Emails, client.SegmentId, client.City, client.Note);

    public void RestoreTo(BotContext ctx, Client client)
    {
        client.Rename(Name);
        client.PhoneNumbers.ToList().ForEach(p => client.RemovePhone(p));
        Split(Phones).ForEach(p => client.AddPhone(p));
        client.EmailAddresses.ToList().ForEach(e => client.RemoveEmail(e));
        Split(Emails).ForEach(e => client.AddEmail(e));
        client.SetCity(City);
        client.SetNote(Note);

        // The segment it had, even one retired since: putting the past back is not choosing a segment anew.
        ctx.Db.Entry(client).Property(c => c.SegmentId).CurrentValue = SegmentId;
    }

    /// <summary>The field's value as the user reads it: phones in their national notation, the segment by name.</summary>
    public static string Shown(Client client, RecordField field, string? segmentName) => field switch
    {
        RecordField.Name => client.Name,
        RecordField.Phone => string.Join(", ", client.PhoneNumbers.Select(ChatCrm.Core.Matching.Phones.Display)),
        RecordField.Email => string.Join(", ", client.EmailAddresses),
        RecordField.Segment => segmentName is null ? "" : "#" + segmentName,
        RecordField.City => client.City ?? "",
        _ => client.Note ?? "",
    };

    private static List<string> Split(string joined) =>
        [.. joined.Split(';', StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>What /edit changes, and the words for it in both languages.</summary>
internal enum RecordField
{
    Name,
    Phone,
    Email,
    Segment,
    City,
    Note,
}

internal static class RecordFields
{
    public static readonly RecordField[] All = Enum.GetValues<RecordField>();

    private static readonly Dictionary<string, RecordField> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = RecordField.Name, ["имя"] = RecordField.Name, ["название"] = RecordField.Name,
        ["phone"] = RecordField.Phone, ["телефон"] = RecordField.Phone, ["тел"] = RecordField.Phone,
        ["email"] = RecordField.Email, ["e-mail"] = RecordField.Email, ["mail"] = RecordField.Email, ["почта"] = RecordField.Email,
        ["segment"] = RecordField.Segment, ["сегмент"] = RecordField.Segment,
        ["city"] = RecordField.City, ["город"] = RecordField.City,
        ["note"] = RecordField.Note, ["заметка"] = RecordField.Note, ["примечание"] = RecordField.Note,
    };

    public static RecordField? Parse(string word) => Words.TryGetValue(word.Trim(), out var field) ? field : null;

    /// <summary>The code a button and a dialog carry: the English word.</summary>
    public static string Code(RecordField field) => field.ToString().ToLowerInvariant();

    public static string Label(this BotContext ctx, RecordField field) => field switch
    {
        RecordField.Name => ctx.T.EditFieldName,
        RecordField.Phone => ctx.T.EditFieldPhone,
        RecordField.Email => ctx.T.EditFieldEmail,
        RecordField.Segment => ctx.T.EditFieldSegment,
        RecordField.City => ctx.T.EditFieldCity,
        _ => ctx.T.EditFieldNote,
    };
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Records;

/// <summary>A contact person as stored: what /undo of an added, changed or removed person works from.</summary>
internal sealed record PersonRecord(long Id, long ClientId, string Name, string? Position, string? Phone, string? Email)
{
    public static PersonRecord Of(ContactPerson p) => new(p.Id, p.ClientId, p.Name, p.Position, p.Phone, p.Email);

    /// <summary>«Иван Петров, закупщик, +7 900 111-22-33, ivan@x.ru».</summary>
    public string Line => Texts.PersonLine(Name, Position, Phone is null ? null : Phones.Display(Phone), Email);

    public static string LineOf(ContactPerson p) => Of(p).Line;
}

/// <summary>What /undo of a /person change needs: the kind of change and the person before it (or, for an added one, after).</summary>
internal sealed record PersonUndo(string Change, PersonRecord Person)
{
    public const string Kind = "person";
    public const string Added = "added";
    public const string Edited = "edited";
    public const string Removed = "removed";
}

/// <summary>
/// /person &lt;client&gt; &lt;name&gt;[, role][, phone][, email] adds a contact person (the parts after the name are told
/// apart by their shape); /person &lt;client&gt; lists them with ✏️ and 🗑 buttons.
/// </summary>
internal sealed class ManagePersons : ICommandHandler
{
    public const string AuditAdded = "person.added";
    public const string AuditEdited = "person.edited";
    public const string AuditRemoved = "person.removed";

    // A ✏️ tap asks for the person anew; the answer comes back as "#c<client> =<person> <details>".
    private const char EditMark = '=';

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            ctx.Ask("person", "", ctx.T.AskPersonClient());
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (ClientFinder.AskIfUnsettled(ctx, lookup, "person", TouchLogging.Query(args)))
        {
            return;
        }

        var client = lookup.Client!;
        var rest = lookup.Rest.Trim();
        if (rest.Length == 0)
        {
            ctx.Reply(await ListAsync(ctx, client, ct));
            return;
        }

        ContactPerson? editing = null;
        if (rest[0] == EditMark)
        {
            var (mark, details) = EditClient.FirstWord(rest);
            var id = long.TryParse(mark[1..], CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            editing = await ctx.Db.ContactPeople.FirstOrDefaultAsync(p => p.Id == id && p.ClientId == client.Id, ct);
            if (editing is null)
            {
                ctx.Reply(ctx.T.PersonGone());
                return;
            }

            rest = details;
        }

        if (Parse(ctx, rest) is not { } input)
        {
            return;
        }

        if (editing is not null)
        {
            var before = PersonRecord.Of(editing);
            editing.Update(input.Name, input.Phone, input.Email, input.Position);
            var line = PersonRecord.LineOf(editing);
            ctx.Undo.Record(PersonUndo.Kind, JsonSerializer.Serialize(new PersonUndo(PersonUndo.Edited, before)), ctx.T.PersonUndoEdited(client.Name, editing.Name));
            ctx.Audit.Record(AuditEdited, client.Name, before.Line, line);
            ctx.Reply(new Reply(ctx.T.PersonUpdated(client.Name, line), [[Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]]));
            return;
        }

        var person = ContactPerson.Create(client.Id, input.Name, input.Phone, input.Email, input.Position);
        ctx.Db.ContactPeople.Add(person);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Undo.Record(PersonUndo.Kind, JsonSerializer.Serialize(new PersonUndo(PersonUndo.Added, PersonRecord.Of(person))), ctx.T.PersonUndoAdded(client.Name, person.Name));
        ctx.Audit.Record(AuditAdded, client.Name, after: PersonRecord.LineOf(person));
        ctx.Reply(new Reply(ctx.T.PersonAdded(client.Name, PersonRecord.LineOf(person)), [[Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]]));
    }

    public static async Task<Reply> ListAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        var persons = await ctx.Db.ContactPeople.Where(p => p.ClientId == client.Id).OrderBy(p => p.Id).ToListAsync(ct);
        if (persons.Count == 0)
        {
            return ctx.T.NoPersons(client.Name);
        }

        var text = new StringBuilder(ctx.T.PersonsHeader(client.Name, persons.Count));
        var rows = new List<IReadOnlyList<Button>>();
        foreach (var p in persons)
        {
            text.Append("\n• ").Append(Html.Escape(PersonRecord.LineOf(p)));
            rows.Add([Button.Callback("✏️ " + p.Name, PersonButtons.Data(PersonButtons.Edit, p.Id)), Button.Callback("🗑 " + p.Name, PersonButtons.Data(PersonButtons.Remove, p.Id))]);
        }

        rows.Add([Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]);
        return new Reply(text.ToString(), rows);
    }

    internal sealed record PersonInput(string Name, string? Position, string? Phone, string? Email);

    /// <summary>The name first, then by shape: a phone-like part is the phone, one with @ the e-mail, any other the role.</summary>
    private static PersonInput? Parse(BotContext ctx, string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            ctx.Reply(ctx.T.PersonFormat());
            return null;
        }

        string? position = null, phone = null, email = null;
        foreach (var part in parts.Skip(1))
        {
            var taken = part.Contains('@', StringComparison.Ordinal) ? email : LooksLikePhone(part) ? phone : position;
            if (taken is not null)
            {
                ctx.Reply(ctx.T.PersonPartUnclear(part));
                return null;
            }

            if (part.Contains('@', StringComparison.Ordinal))
            {
                email = part;
            }
            else if (LooksLikePhone(part))
            {
                phone = part;
            }
            else
            {
                position = part;
            }
        }

        return new PersonInput(parts[0], position, phone, email);
    }

    private static bool LooksLikePhone(string part) =>
        (part.StartsWith('+') || part.Count(char.IsDigit) >= 5) && part.Any(char.IsDigit)
        && part.All(c => char.IsDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.');
}

/// <summary>The ✏️ and 🗑 buttons under a client's contact persons: <c>prs:e:&lt;id&gt;</c>, <c>prs:d:&lt;id&gt;</c>.</summary>
internal sealed class PersonButtons : ICallbackHandler
{
    public const string Prefix = "prs";
    public const string Edit = "e";
    public const string Remove = "d";

    public static string Data(string action, long personId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{action}:{personId}");

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var id = args.Count == 2 && long.TryParse(args[1], CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var person = await ctx.Db.ContactPeople.FirstOrDefaultAsync(p => p.Id == id, ct);
        var client = person is null ? null : await ctx.VisibleClients().FirstOrDefaultAsync(c => c.Id == person.ClientId, ct);
        if (person is null || client is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (args[0] == Edit)
        {
            ctx.Ask("person", string.Create(CultureInfo.InvariantCulture, $"#c{client.Id} ={person.Id}"), ctx.T.PersonAskUpdate(client.Name, person.Name));
            return;
        }

        var before = PersonRecord.Of(person);
        ctx.Db.ContactPeople.Remove(person);
        ctx.Undo.Record(PersonUndo.Kind, JsonSerializer.Serialize(new PersonUndo(PersonUndo.Removed, before)), ctx.T.PersonUndoRemoved(client.Name, person.Name));
        ctx.Audit.Record(ManagePersons.AuditRemoved, client.Name, before.Line);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Reply(ctx.T.PersonRemoved(client.Name, before.Line));
    }
}

/// <summary>Takes back an added (removes it), changed (puts the old details back) or removed (brings it back, same id) person.</summary>
internal sealed class UndoPersonChange : IUndoHandler
{
    public string Kind => PersonUndo.Kind;

    /// <summary>The audit code of an undone person change; its subject is the client, as for the change itself (/history finds both).</summary>
    public static string AuditAction(string change) => "person." + change + ".undo";

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var undo = JsonSerializer.Deserialize<PersonUndo>(data) ?? throw new InvalidOperationException("Empty person undo.");
        var p = undo.Person;
        var person = await ctx.Db.ContactPeople.FirstOrDefaultAsync(x => x.Id == p.Id, ct);
        var clientId = person?.ClientId ?? p.ClientId;
        var client = await ctx.Db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is not null && !await ctx.CanSeeAsync(client, ct))
        {
            throw new DomainException(DomainError.UndoClientNotYours);
        }

        switch (undo.Change)
        {
            case PersonUndo.Added when person is not null:
                ctx.Db.ContactPeople.Remove(person);
                break;
            case PersonUndo.Edited when person is not null:
                person.Update(p.Name, p.Phone, p.Email, p.Position);
                break;
            case PersonUndo.Removed when person is null && client is not null:
                var back = ContactPerson.Create(p.ClientId, p.Name, p.Phone, p.Email, p.Position);
                ctx.Db.Entry(back).Property(x => x.Id).CurrentValue = p.Id;
                ctx.Db.ContactPeople.Add(back);
                break;
            default:
                throw new DomainException(DomainError.PersonChangedSince, p.Name);
        }

        ctx.Audit.Record(AuditAction(undo.Change), client?.Name ?? p.Name, p.Line);
    }
}

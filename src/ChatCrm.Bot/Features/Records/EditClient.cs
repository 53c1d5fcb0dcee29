using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Records;

/// <summary>
/// /edit &lt;client&gt; name|phone|email|segment|city|note &lt;value&gt;: one field of a client's record. Phones and e-mails
/// are added one at a time and removed with «- value»; «-» clears. Asked step by step when given short: which client,
/// which field (buttons), which value. A new name another client already has gets the duplicate check's answer.
/// </summary>
internal sealed class EditClient : ICommandHandler
{
    public const string UndoKind = "client.edit";
    public const string AuditAction = "client.edited";

    /// <summary>The field word a "rename anyway" pick puts in place of <c>name</c>.</summary>
    private const string ForcedName = "name!";

    private static readonly string[] RemoveWords = ["-", "удалить", "убрать", "remove", "delete"];

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            ctx.Ask("edit", "", ctx.T.AskEditClient());
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (ClientFinder.AskIfUnsettled(ctx, lookup, "edit", TouchLogging.Query(args)))
        {
            return;
        }

        var client = lookup.Client!;
        var (word, value) = FirstWord(lookup.Rest);
        if (word.Length == 0)
        {
            ctx.AskChoice("edit", Id(client) + " {0}", ctx.T.EditWhichField(client.Name),
                RecordFields.All.Select(f => (ctx.Label(f), RecordFields.Code(f))), perRow: 3);
            return;
        }

        var forced = word.Equals(ForcedName, StringComparison.Ordinal);
        if ((forced ? RecordField.Name : RecordFields.Parse(word)) is not { } field)
        {
            ctx.Reply(ctx.T.EditUnknownField(word));
            return;
        }

        if (value.Length == 0)
        {
            ctx.Ask("edit", $"{Id(client)} {RecordFields.Code(field)}",
                ctx.T.EditAskValue(client.Name, ctx.Label(field), field is RecordField.Phone or RecordField.Email));
            return;
        }

        var before = ClientRecord.Of(client);
        if (!await ApplyAsync(ctx, client, field, value, forced, ct))
        {
            return;
        }

        var segment = client.SegmentId is { } segmentId
            ? await ctx.Db.Segments.Where(s => s.Id == segmentId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
        var shown = ClientRecord.Shown(client, field, segment);
        var after = ClientRecord.Of(client);
        if (after != before)
        {
            ctx.Undo.Record(UndoKind, JsonSerializer.Serialize(new EditUndo(client.Id, before, after)),
                ctx.T.EditUndoDescription(client.Name, ctx.Label(field)));
            ctx.Audit.Record(AuditAction, client.Name, RecordFields.Code(field), shown);
        }

        ctx.Reply(new Reply(ctx.T.EditDone(client.Name, ctx.Label(field), shown),
            [[Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]]));
    }

    private static async Task<bool> ApplyAsync(BotContext ctx, Client client, RecordField field, string value, bool forced, CancellationToken ct)
    {
        var clear = value == "-";
        switch (field)
        {
            case RecordField.Name:
                if (clear)
                {
                    throw new DomainException(DomainError.NameEmpty);
                }

                return forced || await NameIsFreeAsync(ctx, client, value, ct) ? Rename(client, value) : false;
            case RecordField.Phone:
                return Contacts(ctx, client, value, client.PhoneNumbers, p => client.AddPhone(p), p => client.RemovePhone(p),
                    p => Phones.Normalise(p) is { } e164 ? Phones.Display(e164) : p);
            case RecordField.Email:
                return Contacts(ctx, client, value, client.EmailAddresses, e => client.AddEmail(e), e => client.RemoveEmail(e),
                    e => Emails.Normalise(e) ?? e);
            case RecordField.Segment:
                return await SetSegmentAsync(ctx, client, clear ? null : value.TrimStart('#').Trim(), ct);
            case RecordField.City:
                client.SetCity(clear ? null : value);
                return true;
            default:
                client.SetNote(clear ? null : value);
                return true;
        }
    }

    private static bool Rename(Client client, string value)
    {
        client.Rename(value);
        return true;
    }

    /// <summary>Adds, or with «- value» removes, one phone or e-mail; «-» alone clears them all.</summary>
    private static bool Contacts(BotContext ctx, Client client, string value, IReadOnlyList<string> current,
        Func<string, bool> add, Func<string, bool> remove, Func<string, string> shown)
    {
        var (first, rest) = FirstWord(value);
        if (value == "-")
        {
            current.ToList().ForEach(v => remove(v));
            return true;
        }

        if (RemoveWords.Contains(first, StringComparer.OrdinalIgnoreCase) && rest.Length > 0)
        {
            if (!remove(rest))
            {
                ctx.Reply(ctx.T.EditNotThere(client.Name, rest));
                return false;
            }

            return true;
        }

        if (!add(value))
        {
            ctx.Reply(ctx.T.EditAlreadyThere(client.Name, shown(value)));
            return false;
        }

        return true;
    }

    private static async Task<bool> SetSegmentAsync(BotContext ctx, Client client, string? name, CancellationToken ct)
    {
        if (name is null)
        {
            client.SetSegment(null);
            return true;
        }

        var segments = await ctx.Db.Segments.OrderBy(s => s.Name).ToListAsync(ct);
        var segment = segments.FirstOrDefault(s => s.Name.Equals(name, StringComparison.CurrentCultureIgnoreCase));
        if (segment is null)
        {
            ctx.Reply(ctx.T.EditSegmentUnknown(name, [.. segments.Where(s => !s.IsRetired).Select(s => s.Name)]));
            return false;
        }

        client.SetSegment(segment);
        return true;
    }

    /// <summary>
    /// The duplicate check /client runs, for the new name only, among all clients but this one. A manager learns only
    /// that another manager's client matches and whose it is; their own look-alikes and a head's come with a button
    /// to rename anyway.
    /// </summary>
    private static async Task<bool> NameIsFreeAsync(BotContext ctx, Client client, string value, CancellationToken ct)
    {
        var probe = Client.Create(value, ctx.User.Id, ctx.Now);
        if (ClientNames.MatchKey(probe.Name) == client.MatchKey && probe.Name == client.Name)
        {
            return true;
        }

        var duplicates = (await CreateClient.FindDuplicatesAsync(ctx, probe, ct)).Where(d => d.Client.Id != client.Id).Take(5).ToList();
        if (duplicates.Count == 0)
        {
            return true;
        }

        var ownerIds = duplicates.Select(d => d.Client.OwnerUserId).OfType<long>().Distinct().ToList();
        var owners = await ctx.Db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var text = new StringBuilder(ctx.T.EditRenameTaken(client.Name, probe.Name));
        var rows = new List<IReadOnlyList<Button>>();
        var othersOnly = true;
        foreach (var (match, existing) in duplicates)
        {
            var owner = existing.OwnerUserId is { } o && owners.TryGetValue(o, out var n) ? n : null;
            var samePhone = match.Reason.HasFlag(DuplicateReason.Phone);
            var sameEmail = match.Reason.HasFlag(DuplicateReason.Email);
            if (await ctx.CanSeeAsync(existing, ct))
            {
                othersOnly = false;
                text.Append('\n').Append(ctx.T.DuplicateLine(existing.Name, CreateClient.Contacts(existing), owner,
                    existing.OwnerUserId == ctx.User.Id, samePhone, sameEmail));
                rows.Add([Button.Callback(ctx.T.OpenExistingButton(existing.Name), TouchLogging.Card(existing.Id))]);
            }
            else
            {
                text.Append('\n').Append(ctx.T.DuplicateElsewhere(owner, samePhone, sameEmail));
            }
        }

        if (othersOnly && !ctx.SeesEverything())
        {
            ctx.Reply(new Reply(text.ToString(), rows));
            return false;
        }

        rows.Add([Dialogs.Option(ctx.T.RenameAnywayButton, ForcedName)]);
        rows.Add([Dialogs.Cancel(ctx.T)]);
        ctx.User.StartDialog("edit", $"{Id(client)} {{0}} {probe.Name}", ctx.Now + Dialogs.Lifetime);
        ctx.Reply(new Reply(text.ToString(), rows));
        return false;
    }

    internal static string Id(Client client) => string.Create(CultureInfo.InvariantCulture, $"#c{client.Id}");

    internal static (string First, string Tail) FirstWord(string text)
    {
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => ("", ""),
            1 => (parts[0], ""),
            _ => (parts[0], parts[1]),
        };
    }
}

/// <summary>What /undo of an /edit needs: the client's record before and after.</summary>
internal sealed record EditUndo(long ClientId, ClientRecord Before, ClientRecord After);

/// <summary>Puts the client's record back as it was before the /edit, unless someone changed it since or it is no longer the user's.</summary>
internal sealed class UndoClientEdit : IUndoHandler
{
    public string Kind => EditClient.UndoKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var undo = JsonSerializer.Deserialize<EditUndo>(data) ?? throw new InvalidOperationException("Empty edit undo.");
        var client = await ctx.Db.Clients.FirstOrDefaultAsync(c => c.Id == undo.ClientId, ct);
        if (client is not null && !await ctx.CanSeeAsync(client, ct))
        {
            throw new DomainException(DomainError.UndoClientNotYours);
        }

        if (client is null || ClientRecord.Of(client) != undo.After)
        {
            throw new DomainException(DomainError.ClientEditedSince, undo.After.Name);
        }

        undo.Before.RestoreTo(ctx, client);
        ctx.Audit.Record(EditClient.AuditAction + ".undo", client.Name);
    }
}

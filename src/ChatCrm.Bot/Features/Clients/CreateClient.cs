using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// /client &lt;name&gt;[, phone][, email][, #segment]: a client owned by its creator. An unknown segment is asked
/// about (the existing ones as buttons, or none); a client that looks like one we have (same phone or e-mail
/// among all clients, or a near-identical name) is offered instead — "open existing" or "create anyway".
/// </summary>
internal sealed class CreateClient : ICommandHandler
{
    public const string UndoKind = "client.created";

    // A question's answer comes back as "<question> <answer> ⟫ <the client as typed>".
    private const string Separator = " ⟫ ";
    private const string SegmentQuestion = "seg";
    private const string DuplicateQuestion = "dup";
    private const string CreateAnyway = "!";
    private const int MaxCandidates = 500;
    private static readonly string[] YesWords = ["!", "да", "yes", "создать", "create"];

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var force = false;
        var answer = args.IndexOf(Separator, StringComparison.Ordinal);
        if (answer >= 0)
        {
            var (question, choice) = Split(args[..answer]);
            var original = ClientInput.Parse(args[(answer + Separator.Length)..]);
            if (question == DuplicateQuestion && !YesWords.Contains(choice, StringComparer.OrdinalIgnoreCase))
            {
                ctx.Reply(ctx.T.Cancelled());
                return;
            }

            force = question == DuplicateQuestion;
            args = question == SegmentQuestion ? original.Format(choice.TrimStart('#')) : original.Format(original.Segment);
        }

        if (string.IsNullOrWhiteSpace(args))
        {
            ctx.Ask("client", "", ctx.T.AskClientName());
            return;
        }

        var input = ClientInput.Parse(args);
        var (segmentKnown, segment) = await FindSegmentAsync(ctx, input.Segment, ct);
        if (!segmentKnown)
        {
            await AskSegmentAsync(ctx, input, ct);
            return;
        }

        // Checked before the duplicate question, so nobody is asked about a client that could not be saved anyway.
        var client = Client.Create(input.Name, ctx.User.Id, ctx.Now, ownerUserId: ctx.User.Id);
        input.Phones.ToList().ForEach(p => client.AddPhone(p));
        input.Emails.ToList().ForEach(e => client.AddEmail(e));
        client.SetSegment(segment);

        if (!force && await FindDuplicatesAsync(ctx, client, ct) is { Count: > 0 } duplicates)
        {
            await AskDuplicateAsync(ctx, input, segment, client.Name, duplicates, ct);
            return;
        }

        ctx.Db.Clients.Add(client);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Undo.Record(UndoKind, client.Id.ToString(CultureInfo.InvariantCulture), ctx.T.ClientUndoDescription(client.Name));
        ctx.Audit.Record(AuditActions.ClientCreated, client.Name, after: client.Phones.Length + client.Emails.Length > 0 ? $"{client.Phones} {client.Emails}".Trim() : null);
        ctx.Reply(new Reply(
            ctx.T.ClientCreated(client.Name, Contacts(client), segment?.Name),
            [ClientActions.Row(ctx, client.Id), [Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]]));
    }

    public static string Contacts(Client client) =>
        string.Join(", ", client.PhoneNumbers.Select(Phones.Display).Concat(client.EmailAddresses));

    private static (string Question, string Choice) Split(string head)
    {
        var parts = head.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : "");
    }

    /// <summary>(true, null) for no segment or "#0"; (false, null) when the named one does not exist or is retired.</summary>
    private static async Task<(bool Known, Segment? Segment)> FindSegmentAsync(BotContext ctx, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "0")
        {
            return (true, null);
        }

        var live = await ctx.Db.Segments.Where(s => !s.IsRetired).ToListAsync(ct);
        var byId = text.StartsWith('s') && long.TryParse(text[1..], CultureInfo.InvariantCulture, out var id)
            ? live.FirstOrDefault(s => s.Id == id)
            : null;
        var segment = byId ?? live.FirstOrDefault(s => s.Name.Equals(text, StringComparison.CurrentCultureIgnoreCase));
        return (segment is not null, segment);
    }

    private static async Task AskSegmentAsync(BotContext ctx, ClientInput input, CancellationToken ct)
    {
        var live = await ctx.Db.Segments.Where(s => !s.IsRetired).OrderBy(s => s.Name).Take(12).ToListAsync(ct);
        var options = live.Select(s => (s.Name, "s" + s.Id.ToString(CultureInfo.InvariantCulture)))
            .Append((ctx.T.WithoutSegmentButton, "0"));
        ctx.AskChoice("client", $"{SegmentQuestion} {{0}}{Separator}{input.Format(null)}",
            ctx.T.SegmentUnknown(input.Segment ?? "", live.Count > 0), options);
    }

    /// <summary>Among all clients, not only the user's: the same company must not be worked twice by two managers.</summary>
    private static async Task<IReadOnlyList<Duplicate>> FindDuplicatesAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        var prefix = client.NameKey[..Math.Min(2, client.NameKey.Length)];
        var phones = client.PhoneNumbers.ToList();
        var emails = client.EmailAddresses.ToList();
        var query = ctx.Db.Clients.Where(c => c.NameKey.StartsWith(prefix));
        foreach (var phone in phones)
        {
            query = query.Union(ctx.Db.Clients.Where(c => c.Phones.Contains(phone)));
        }

        foreach (var email in emails)
        {
            query = query.Union(ctx.Db.Clients.Where(c => c.Emails.Contains(email)));
        }

        var candidates = await query.OrderByDescending(c => c.Id).Take(MaxCandidates).ToListAsync(ct);
        return DuplicateCheck.Find(client.Name, phones, emails, [.. candidates.Select(ExistingClient.From)]);
    }

    private static async Task AskDuplicateAsync(BotContext ctx, ClientInput input, Segment? segment, string name,
        IReadOnlyList<Duplicate> duplicates, CancellationToken ct)
    {
        var shown = duplicates.Take(5).ToList();
        var ids = shown.Select(d => d.Id).ToList();
        var clients = await ctx.Db.Clients.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var ownerIds = clients.Select(c => c.OwnerUserId).OfType<long>().Distinct().ToList();
        var owners = await ctx.Db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var text = new StringBuilder(ctx.T.DuplicateHeader(name));
        var rows = new List<IReadOnlyList<Button>>();
        foreach (var duplicate in shown)
        {
            var existing = clients.First(c => c.Id == duplicate.Id);
            var mine = existing.OwnerUserId == ctx.User.Id;
            var owner = existing.OwnerUserId is { } o && owners.TryGetValue(o, out var n) ? n : null;
            text.Append('\n').Append(ctx.T.DuplicateLine(existing.Name, Contacts(existing), owner, mine,
                duplicate.Reason.HasFlag(DuplicateReason.Phone), duplicate.Reason.HasFlag(DuplicateReason.Email)));
            if (ctx.CanSee(existing))
            {
                rows.Add([Button.Callback(ctx.T.OpenExistingButton(existing.Name), TouchLogging.Card(existing.Id))]);
            }
        }

        rows.Add([Dialogs.Option(ctx.T.CreateAnywayButton, CreateAnyway)]);
        rows.Add([Dialogs.Cancel(ctx.T)]);
        ctx.User.StartDialog("client", $"{DuplicateQuestion} {{0}}{Separator}{input.Format(segment is null ? null : "s" + segment.Id.ToString(CultureInfo.InvariantCulture))}",
            ctx.Now + Dialogs.Lifetime);
        ctx.Reply(new Reply(text.Append('\n').Append(ctx.T.DuplicateQuestion()).ToString(), rows));
    }
}

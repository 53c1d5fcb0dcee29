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
/// among all clients, or a near-identical name) is offered instead — "open existing" or "create anyway". A manager
/// is not shown another manager's client: only that it exists, who has it and what matched; it is not created.
/// Ending with «в пул» / "pool", a head's client goes to the prospect pool, with no owner; a manager's is refused.
/// </summary>
internal sealed class CreateClient : ICommandHandler
{
    public const string UndoKind = "client.created";

    // A question's answer comes back as "<question> <answer> ⟫ <the client as typed>".
    private const string Separator = " ⟫ ";
    private const string SegmentQuestion = "seg";
    private const string DuplicateQuestion = "dup";
    private const string CreateAnyway = "!";
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
        if (input.Pool && !ctx.SeesEverything())
        {
            ctx.Reply(ctx.T.PoolOnlyForHeads(input.Name));
            return;
        }

        var (segmentKnown, segment) = await FindSegmentAsync(ctx, input.Segment, ct);
        if (!segmentKnown)
        {
            await AskSegmentAsync(ctx, input, ct);
            return;
        }

        // Checked before the duplicate question, so nobody is asked about a client that could not be saved anyway.
        var client = Client.Create(input.Name, ctx.User.Id, ctx.Now, ownerUserId: input.Pool ? null : ctx.User.Id);
        input.Phones.ToList().ForEach(p => client.AddPhone(p));
        input.Emails.ToList().ForEach(e => client.AddEmail(e));
        client.SetSegment(segment);

        var duplicates = await FindDuplicatesAsync(ctx, client, ct);
        if (!ctx.SeesEverything() && duplicates.Any(d => d.Client.OwnerUserId != ctx.User.Id))
        {
            // Another manager's client: neither shown nor duplicated, whatever was answered or typed.
            await RefuseDuplicateAsync(ctx, client.Name, duplicates, ct);
            return;
        }

        if (!force && duplicates.Count > 0)
        {
            await AskDuplicateAsync(ctx, input, segment, client.Name, duplicates, ct);
            return;
        }

        ctx.Db.Clients.Add(client);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Undo.Record(UndoKind, client.Id.ToString(CultureInfo.InvariantCulture), ctx.T.ClientUndoDescription(client.Name));
        ctx.Audit.Record(AuditActions.ClientCreated, client.Name, after: client.Phones.Length + client.Emails.Length > 0 ? $"{client.Phones} {client.Emails}".Trim() : null);
        if (input.Pool)
        {
            ctx.Reply(new Reply(ctx.T.PoolClientCreated(client.Name, Contacts(client), segment?.Name),
                [[Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id)), Button.Callback(ctx.T.PoolButton, CommandTable.Run("pool"))]]));
            return;
        }

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

    /// <summary>
    /// Among all clients, not only the user's: the same company must not be worked twice by two managers. Names are
    /// compared by <see cref="ClientNames.MatchKey"/>, so a Latin look-alike letter does not dodge the check.
    /// </summary>
    internal static async Task<IReadOnlyList<(Duplicate Match, Client Client)>> FindDuplicatesAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        var phones = client.PhoneNumbers.ToList();
        var emails = client.EmailAddresses.ToList();
        var candidates = await DuplicateCandidates.LoadAsync(ctx.Db, client.Name, phones, emails, ct);
        var found = DuplicateCheck.Find(client.Name, phones, emails, [.. candidates.Select(ExistingClient.From)]);
        return [.. found.Select(d => (d, candidates.First(c => c.Id == d.Id)))];
    }

    private static async Task<Dictionary<long, string>> OwnersAsync(BotContext ctx, IEnumerable<Client> clients, CancellationToken ct)
    {
        var ownerIds = clients.Select(c => c.OwnerUserId).OfType<long>().Distinct().ToList();
        return await ctx.Db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>
    /// A manager whose new client is another manager's: told that it exists, who has it and which field matched —
    /// never its name, phone or e-mail — and nothing is created. Their own look-alikes are shown in full.
    /// </summary>
    private static async Task RefuseDuplicateAsync(BotContext ctx, string name, IReadOnlyList<(Duplicate Match, Client Client)> duplicates,
        CancellationToken ct)
    {
        var shown = duplicates.Take(5).ToList();
        var owners = await OwnersAsync(ctx, shown.Select(d => d.Client), ct);
        var lines = new List<string>();
        var rows = new List<IReadOnlyList<Button>>();
        foreach (var (match, existing) in shown)
        {
            var samePhone = match.Reason.HasFlag(DuplicateReason.Phone);
            var sameEmail = match.Reason.HasFlag(DuplicateReason.Email);
            if (existing.OwnerUserId == ctx.User.Id)
            {
                lines.Add(ctx.T.DuplicateLine(existing.Name, Contacts(existing), null, mine: true, samePhone, sameEmail));
                rows.Add([Button.Callback(ctx.T.OpenExistingButton(existing.Name), TouchLogging.Card(existing.Id))]);
            }
            else
            {
                var owner = existing.OwnerUserId is { } o && owners.TryGetValue(o, out var n) ? n : null;
                lines.Add(ctx.T.DuplicateElsewhere(owner, samePhone, sameEmail));
            }
        }

        var text = ctx.T.DuplicateRefused(name) + "\n" + string.Join("\n", lines.Distinct(StringComparer.Ordinal));
        ctx.Reply(new Reply(text, rows));
    }

    /// <summary>Heads and admins see every look-alike in full; a manager only their own (others' are refused above).</summary>
    private static async Task AskDuplicateAsync(BotContext ctx, ClientInput input, Segment? segment, string name,
        IReadOnlyList<(Duplicate Match, Client Client)> duplicates, CancellationToken ct)
    {
        var shown = duplicates.Take(5).ToList();
        var owners = await OwnersAsync(ctx, shown.Select(d => d.Client), ct);

        var text = new StringBuilder(ctx.T.DuplicateHeader(name));
        var rows = new List<IReadOnlyList<Button>>();
        foreach (var (duplicate, existing) in shown)
        {
            var mine = existing.OwnerUserId == ctx.User.Id;
            var owner = existing.OwnerUserId is { } o && owners.TryGetValue(o, out var n) ? n : null;
            text.Append('\n').Append(ctx.T.DuplicateLine(existing.Name, Contacts(existing), owner, mine,
                duplicate.Reason.HasFlag(DuplicateReason.Phone), duplicate.Reason.HasFlag(DuplicateReason.Email)));
            if (await ctx.CanSeeAsync(existing, ct))
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

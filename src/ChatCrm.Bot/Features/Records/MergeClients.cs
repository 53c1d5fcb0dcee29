using System.Globalization;
using System.Text.Json;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Records;

/// <summary>
/// /merge &lt;client&gt; &lt;duplicate&gt;: the second client goes into the first — its touches, planned contacts, deals
/// (with their history, lines and payments), contact persons, nudge memory, the phones and e-mails that fit, and its
/// city, note and segment where the first has none — and is then deleted, so every foreign key points at a live
/// client. Which one to keep is asked when the second has more work on it; the merge is always confirmed with the
/// counts. Both must be the user's to see: a manager merges only their own clients.
/// </summary>
internal sealed class MergeClients : ICommandHandler
{
    public const string UndoKind = "clients.merge";
    public const string AuditAction = "clients.merged";
    private const string Kept = "k";
    private const string Confirmed = "ok";
    private const int MaxWords = 12;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            ctx.Ask("merge", "", ctx.T.AskMergeClients());
            return;
        }

        if (await SplitAsync(ctx, args, ct) is { } pair)
        {
            args = pair;
        }

        var first = await ClientFinder.FindAsync(ctx, args, ct);
        if (ClientFinder.AskIfUnsettled(ctx, first, "merge", TouchLogging.Query(args)))
        {
            return;
        }

        var into = first.Client!;
        if (first.Rest.Trim().Length == 0)
        {
            ctx.Ask("merge", EditClient.Id(into), ctx.T.AskMergeSecond(into.Name));
            return;
        }

        var second = await ClientFinder.FindAsync(ctx, first.Rest, ct);
        if (second.Kind == ClientMatchKind.NotFound)
        {
            ctx.Reply(ctx.T.ClientNotFound(TouchLogging.Query(first.Rest)));
            return;
        }

        if (!second.Found)
        {
            var rest = second.Match?.RestFor(second.Options[0].Id) ?? second.Rest;
            ctx.AskChoice("merge", EditClient.Id(into) + " #c{0} " + rest, ctx.T.WhichClient(TouchLogging.Query(first.Rest)),
                second.Options.Select(c => (c.Name, c.Id.ToString(CultureInfo.InvariantCulture))));
            return;
        }

        var from = second.Client!;
        if (from.Id == into.Id)
        {
            ctx.Reply(ctx.T.MergeSameClient(into.Name));
            return;
        }

        var step = second.Rest.Trim();
        var counts = await CountAsync(ctx, from, ct);
        if (step.Length == 0 && (await CountAsync(ctx, into, ct)).Work < counts.Work)
        {
            ctx.AskChoice("merge", "{0}", ctx.T.MergeWhichToKeep(into.Name, from.Name),
                [(ctx.T.KeepButton(into.Name), $"{EditClient.Id(into)} {EditClient.Id(from)} {Kept}"),
                 (ctx.T.KeepButton(from.Name), $"{EditClient.Id(from)} {EditClient.Id(into)} {Kept}")], perRow: 1);
            return;
        }

        if (!step.Equals(Confirmed, StringComparison.OrdinalIgnoreCase))
        {
            ctx.AskChoice("merge", $"{EditClient.Id(into)} {EditClient.Id(from)} {{0}}",
                ctx.T.MergeConfirm(from.Name, into.Name, counts.Touches, counts.Planned, counts.Deals, counts.Persons),
                [(ctx.T.MergeButton, Confirmed)], perRow: 1);
            return;
        }

        await MergeAsync(ctx, into, from, ct);
    }

    /// <summary>
    /// Two clients typed one after the other, where the first name is a part of the second («Ромашка Ромашка ООО»):
    /// the first split of the words where each side names exactly one client, and different ones, as
    /// <c>#c&lt;a&gt; #c&lt;b&gt; rest</c>. Null when no split settles it; the ordinary lookup then asks.
    /// </summary>
    private static async Task<string?> SplitAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (args.TrimStart().StartsWith("#c", StringComparison.Ordinal) || words.Length > MaxWords)
        {
            return null;
        }

        var step = words[^1] is Kept or Confirmed ? words[^1] : "";
        if (step.Length > 0)
        {
            words = words[..^1];
        }

        for (var i = 1; i < words.Length; i++)
        {
            var a = await OneAsync(ctx, string.Join(' ', words[..i]), ct);
            var b = a is null ? null : await OneAsync(ctx, string.Join(' ', words[i..]), ct);
            if (a is not null && b is not null && a.Id != b.Id)
            {
                return $"{EditClient.Id(a)} {EditClient.Id(b)} {step}".Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// The one client <paramref name="text"/> names: settled by the lookup, or among look-alikes (duplicates are exactly
    /// that) the one whose name is the text as typed.
    /// </summary>
    private static async Task<Client?> OneAsync(BotContext ctx, string text, CancellationToken ct)
    {
        var lookup = await ClientFinder.FindAsync(ctx, text, ct);
        if (lookup.Found)
        {
            return lookup.Rest.Trim().Length == 0 ? lookup.Client : null;
        }

        var named = lookup.Options.Where(c => c.Name.Equals(text.Trim(), StringComparison.CurrentCultureIgnoreCase)).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private sealed record Counts(int Touches, int Planned, int Deals, int Persons)
    {
        public int Work => Touches + Planned + Deals;
    }

    private static async Task<Counts> CountAsync(BotContext ctx, Client client, CancellationToken ct) => new(
        await ctx.Db.Touches.CountAsync(a => a.ClientId == client.Id && a.Status == TouchStatus.Done, ct),
        await ctx.Db.Touches.CountAsync(a => a.ClientId == client.Id && a.Status == TouchStatus.Planned, ct),
        await ctx.Db.Deals.CountAsync(d => d.ClientId == client.Id, ct),
        await ctx.Db.ContactPeople.CountAsync(p => p.ClientId == client.Id, ct));

    private static async Task MergeAsync(BotContext ctx, Client into, Client from, CancellationToken ct)
    {
        var undo = new MergeUndo(into.Id, RemovedClient.Of(from), ClientRecord.Of(into), into.LastTouchAt, into.NextContactAt, [], [], [], null, null);

        // Rows change their client here and nowhere else: none of them has a rule about which client it belongs to,
        // so the merge sets the key where the store keeps it instead of growing a "move" method on four entities.
        var touches = await ctx.Db.Touches.Where(a => a.ClientId == from.Id).ToListAsync(ct);
        var deals = await ctx.Db.Deals.Where(d => d.ClientId == from.Id).ToListAsync(ct);
        var persons = await ctx.Db.ContactPeople.Where(p => p.ClientId == from.Id).ToListAsync(ct);
        touches.ForEach(a => ctx.Db.Entry(a).Property(x => x.ClientId).CurrentValue = into.Id);
        deals.ForEach(d => ctx.Db.Entry(d).Property(x => x.ClientId).CurrentValue = into.Id);
        persons.ForEach(p => ctx.Db.Entry(p).Property(x => x.ClientId).CurrentValue = into.Id);
        undo = undo with { TouchIds = [.. touches.Select(a => a.Id)], DealIds = [.. deals.Select(d => d.Id)], PersonIds = [.. persons.Select(p => p.Id)] };

        // One nudge row per client: the duplicate's moves over when the kept one has none, else it goes, remembered for /undo.
        var nudge = await ctx.Db.ClientNudges.FirstOrDefaultAsync(n => n.ClientId == from.Id, ct);
        if (nudge is not null)
        {
            if (await ctx.Db.ClientNudges.AnyAsync(n => n.ClientId == into.Id, ct))
            {
                undo = undo with { DroppedNudge = NudgeRecord.Of(nudge) };
                ctx.Db.ClientNudges.Remove(nudge);
            }
            else
            {
                ctx.Db.Entry(nudge).Property(x => x.ClientId).CurrentValue = into.Id;
                undo = undo with { MovedNudgeId = nudge.Id };
            }
        }

        var leftOut = new List<string>();
        foreach (var phone in from.PhoneNumbers.Where(p => !into.PhoneNumbers.Contains(p)))
        {
            if (into.PhoneNumbers.Count < Client.MaxPhones)
            {
                into.AddPhone(phone);
            }
            else
            {
                leftOut.Add(Phones.Display(phone));
            }
        }

        foreach (var email in from.EmailAddresses.Where(e => !into.EmailAddresses.Contains(e)))
        {
            if (into.EmailAddresses.Count < Client.MaxEmails)
            {
                into.AddEmail(email);
            }
            else
            {
                leftOut.Add(email);
            }
        }

        if (into.City is null && from.City is not null)
        {
            into.SetCity(from.City);
        }

        if (into.Note is null && from.Note is not null)
        {
            into.SetNote(from.Note);
        }

        if (into.SegmentId is null && from.SegmentId is not null)
        {
            ctx.Db.Entry(into).Property(c => c.SegmentId).CurrentValue = from.SegmentId;
        }

        if (from.LastTouchAt is { } last)
        {
            into.RecordTouch(last);
        }

        into.SetNextContact(new[] { into.NextContactAt, from.NextContactAt }.Where(d => d is not null).Min());

        // The rows point at the kept client before the duplicate goes.
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Db.Clients.Remove(from);
        await ctx.Db.SaveChangesAsync(ct);

        ctx.Undo.Record(UndoKind, JsonSerializer.Serialize(undo), ctx.T.MergeUndoDescription(from.Name, into.Name));
        ctx.Audit.Record(AuditAction, into.Name, from.Name,
            string.Create(CultureInfo.InvariantCulture, $"{touches.Count} touches, {deals.Count} deals, {persons.Count} persons"));
        ctx.Reply(new Reply(
            ctx.T.MergeDone(from.Name, into.Name, touches.Count(a => a.Status == TouchStatus.Done), deals.Count, persons.Count, leftOut),
            [[Button.Callback(ctx.T.CardButton, TouchLogging.Card(into.Id))]]));
    }
}

/// <summary>The deleted duplicate, whole, so /undo brings it back under its own id.</summary>
internal sealed record RemovedClient(long Id, ClientRecord Record, long? OwnerUserId, long CreatedByUserId, DateTime CreatedAt,
    DateTime? LastTouchAt, DateTime? NextContactAt)
{
    public static RemovedClient Of(Client c) =>
        new(c.Id, ClientRecord.Of(c), c.OwnerUserId, c.CreatedByUserId, c.CreatedAt, c.LastTouchAt, c.NextContactAt);
}

/// <summary>A nudge row the merge dropped (the kept client had its own).</summary>
internal sealed record NudgeRecord(long Id, long ClientId, long OwnerUserId, DateTime FirstNudgedAt, DateTime LastNudgedAt, int Nudges,
    DateTime? EscalatedAt, DateTime? SnoozedUntil, SnoozeReason? SnoozeReason)
{
    public static NudgeRecord Of(ClientNudge n) =>
        new(n.Id, n.ClientId, n.OwnerUserId, n.FirstNudgedAt, n.LastNudgedAt, n.Nudges, n.EscalatedAt, n.SnoozedUntil, n.SnoozeReason);
}

/// <summary>What /undo of a merge needs: the duplicate as it was, the kept client before, and the ids of every row moved.</summary>
internal sealed record MergeUndo(long KeptId, RemovedClient Removed, ClientRecord KeptBefore, DateTime? KeptLastTouchAt, DateTime? KeptNextContactAt,
    IReadOnlyList<long> TouchIds, IReadOnlyList<long> DealIds, IReadOnlyList<long> PersonIds, long? MovedNudgeId, NudgeRecord? DroppedNudge);

/// <summary>Brings the duplicate back under its id with everything that was moved from it, and the kept client as it was.</summary>
internal sealed class UndoMerge : IUndoHandler
{
    public string Kind => MergeClients.UndoKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var undo = JsonSerializer.Deserialize<MergeUndo>(data) ?? throw new InvalidOperationException("Empty merge undo.");
        var kept = await ctx.Db.Clients.FirstOrDefaultAsync(c => c.Id == undo.KeptId, ct);
        var r = undo.Removed;
        if (kept is not null && !await ctx.CanSeeAsync(kept, ct))
        {
            throw new DomainException(DomainError.UndoClientNotYours);
        }

        if (kept is null || await ctx.Db.Clients.AnyAsync(c => c.Id == r.Id, ct))
        {
            throw new DomainException(DomainError.MergeChangedSince, r.Record.Name);
        }

        var back = Client.Create(r.Record.Name, r.CreatedByUserId, r.CreatedAt, r.OwnerUserId);
        ctx.Db.Entry(back).Property(c => c.Id).CurrentValue = r.Id;
        r.Record.RestoreTo(ctx, back);
        if (r.LastTouchAt is { } last)
        {
            back.RecordTouch(last);
        }

        back.SetNextContact(r.NextContactAt);
        ctx.Db.Clients.Add(back);
        await ctx.Db.SaveChangesAsync(ct);

        foreach (var a in await ctx.Db.Touches.Where(a => undo.TouchIds.Contains(a.Id) && a.ClientId == kept.Id).ToListAsync(ct))
        {
            ctx.Db.Entry(a).Property(x => x.ClientId).CurrentValue = r.Id;
        }

        foreach (var d in await ctx.Db.Deals.Where(d => undo.DealIds.Contains(d.Id) && d.ClientId == kept.Id).ToListAsync(ct))
        {
            ctx.Db.Entry(d).Property(x => x.ClientId).CurrentValue = r.Id;
        }

        foreach (var p in await ctx.Db.ContactPeople.Where(p => undo.PersonIds.Contains(p.Id) && p.ClientId == kept.Id).ToListAsync(ct))
        {
            ctx.Db.Entry(p).Property(x => x.ClientId).CurrentValue = r.Id;
        }

        if (undo.MovedNudgeId is { } nudgeId && await ctx.Db.ClientNudges.FirstOrDefaultAsync(n => n.Id == nudgeId, ct) is { } moved)
        {
            ctx.Db.Entry(moved).Property(x => x.ClientId).CurrentValue = r.Id;
        }

        if (undo.DroppedNudge is { } n)
        {
            var nudge = ClientNudge.Start(r.Id, n.OwnerUserId, n.FirstNudgedAt);
            var entry = ctx.Db.Entry(nudge);
            entry.Property(x => x.Id).CurrentValue = n.Id;
            entry.Property(x => x.LastNudgedAt).CurrentValue = n.LastNudgedAt;
            entry.Property(x => x.Nudges).CurrentValue = n.Nudges;
            entry.Property(x => x.EscalatedAt).CurrentValue = n.EscalatedAt;
            entry.Property(x => x.SnoozedUntil).CurrentValue = n.SnoozedUntil;
            entry.Property(x => x.SnoozeReason).CurrentValue = n.SnoozeReason;
            ctx.Db.ClientNudges.Add(nudge);
        }

        undo.KeptBefore.RestoreTo(ctx, kept);
        ctx.Db.Entry(kept).Property(c => c.LastTouchAt).CurrentValue = undo.KeptLastTouchAt;
        kept.SetNextContact(undo.KeptNextContactAt);
        ctx.Audit.Record(MergeClients.AuditAction + ".undo", kept.Name, r.Record.Name);
    }
}

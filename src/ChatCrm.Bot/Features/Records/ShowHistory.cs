using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Records;

/// <summary>
/// /history &lt;client&gt; (and the pager's <c>hist:&lt;client&gt;:&lt;page&gt;</c>): the client's whole timeline, newest
/// first — done touches with their notes, planned contacts, each deal opened with its stage moves, its win or loss,
/// invoices, payments and shipments, edits of its details and contact persons added, changed or removed
/// (<see cref="RecordHistory"/>) — paged so that every page fits one Telegram message. The current contact persons
/// also head the first page.
/// </summary>
internal sealed class ShowHistory : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "hist";

    private const int PageChars = 3600;
    private const int PageLines = 25;
    private const int NoteShown = 300;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            ctx.Ask("history", "", ctx.T.AskHistoryClient());
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (!ClientFinder.AskIfUnsettled(ctx, lookup, "history", TouchLogging.Query(args)))
        {
            ctx.Reply(await RenderAsync(ctx, lookup.Client!, 1, ct));
        }
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var client = args.Count == 2 && long.TryParse(args[0], CultureInfo.InvariantCulture, out var id)
            ? await ctx.VisibleClients().FirstOrDefaultAsync(c => c.Id == id, ct)
            : null;
        if (client is null || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var page))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        ctx.Show(await RenderAsync(ctx, client, page, ct));
    }

    public static string Data(long clientId, int page) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{clientId}:{page}");

    private static async Task<Reply> RenderAsync(BotContext ctx, Client client, int page, CancellationToken ct)
    {
        var entries = await TimelineAsync(ctx, client, ct);
        var persons = await ctx.Db.ContactPeople.Where(p => p.ClientId == client.Id).OrderBy(p => p.Id).ToListAsync(ct);
        if (entries.Count == 0 && persons.Count == 0)
        {
            return new Reply(ctx.T.HistoryEmpty(client.Name), [[Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]]);
        }

        var pages = Paginate(entries);
        page = Math.Clamp(page, 1, pages.Count);
        var text = new StringBuilder(ctx.T.HistoryHeader(client.Name, page, pages.Count));
        if (page == 1 && persons.Count > 0)
        {
            var shown = persons.Take(10).Select(PersonRecord.LineOf).ToList();
            var line = ctx.T.HistoryPersons(shown);
            text.Append('\n').Append(line.Length <= 600 ? line : line[..600] + "…");
        }

        foreach (var line in pages[page - 1])
        {
            text.Append('\n').Append(line);
        }

        var rows = new List<IReadOnlyList<Button>>();
        if (Pager.Row(ctx.T, page, pages.Count, p => Data(client.Id, p)) is { Count: > 0 } pager)
        {
            rows.Add(pager);
        }

        rows.Add([Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]);
        return new Reply(text.ToString(), rows);
    }

    /// <summary>Lines packed into pages of at most <see cref="PageLines"/> lines and <see cref="PageChars"/> characters.</summary>
    private static List<List<string>> Paginate(IReadOnlyList<string> lines)
    {
        var pages = new List<List<string>> { new() };
        var size = 0;
        foreach (var line in lines)
        {
            var current = pages[^1];
            if (current.Count > 0 && (current.Count >= PageLines || size + line.Length + 1 > PageChars))
            {
                current = [];
                pages.Add(current);
                size = 0;
            }

            current.Add(line);
            size += line.Length + 1;
        }

        return pages;
    }

    private static async Task<List<string>> TimelineAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        var t = ctx.T;
        string When(DateTime utc) => t.HistoryDate(TimeZones.ToLocal(utc, ctx.Zone));
        string Cut(string note) => note.Length <= NoteShown ? note : note[..NoteShown] + "…";
        var entries = new List<(DateTime At, int Order, string Line)>();

        var touches = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status != TouchStatus.Cancelled)
            .Join(ctx.Db.WorkTypes, a => a.WorkTypeId, w => w.Id, (a, w) => new { a.Id, a.Status, a.HappenedAt, a.PlannedFor, a.Note, a.UserId, WorkType = w.Name })
            .ToListAsync(ct);
        var userIds = touches.Select(a => a.UserId).Distinct().ToList();
        var users = await ctx.Db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        foreach (var a in touches)
        {
            var by = a.UserId != ctx.User.Id && users.TryGetValue(a.UserId, out var name) ? name : null;
            entries.Add(a.Status == TouchStatus.Done
                ? (a.HappenedAt!.Value, 0, t.HistoryTouch(When(a.HappenedAt!.Value), ctx.Shown(a.WorkType), Cut(a.Note), by))
                : (a.PlannedFor!.Value, 0, t.HistoryPlanned(When(a.PlannedFor!.Value), ctx.Shown(a.WorkType), Cut(a.Note), a.PlannedFor < ctx.Now)));
        }

        var deals = await ctx.VisibleDeals().Where(d => d.ClientId == client.Id).ToListAsync(ct);
        var dealIds = deals.Select(d => d.Id).ToList();
        var byId = deals.ToDictionary(d => d.Id);
        var reasonIds = deals.Select(d => d.LostReasonId).OfType<long>().Distinct().ToList();
        var reasons = await ctx.Db.LostReasons.Where(r => reasonIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var changes = await ctx.Db.StageChanges.Where(c => dealIds.Contains(c.DealId)).ToListAsync(ct);
        foreach (var c in changes)
        {
            var deal = byId[c.DealId];
            var n = (int)deal.Id;
            var line = c.Kind switch
            {
                StageChangeKind.Opened => t.HistoryDealOpened(When(c.At), n, deal.Title, c.Amount, deal.Currency, c.ToStageName ?? ""),
                StageChangeKind.Moved => t.HistoryDealMoved(When(c.At), n, c.FromStageName ?? "", c.ToStageName ?? ""),
                StageChangeKind.Won => t.HistoryDealWon(When(c.At), n, c.Amount, deal.Currency),
                StageChangeKind.Lost => t.HistoryDealLost(When(c.At), n, LostReason(deal, reasons)),
                _ => t.HistoryDealReopened(When(c.At), n, c.ToStageName ?? ""),
            };
            entries.Add((c.At, 1, line));
        }

        var obligations = await ctx.Db.Obligations.Where(o => dealIds.Contains(o.DealId)).ToListAsync(ct);
        foreach (var o in obligations)
        {
            var deal = byId[o.DealId];
            var n = (int)deal.Id;
            entries.Add(o.Kind switch
            {
                ObligationKind.Payment => (o.At ?? o.CreatedAt, 2, t.HistoryPayment(When(o.At ?? o.CreatedAt), n, o.Amount ?? 0, deal.Currency)),
                ObligationKind.Shipment => (o.At ?? o.CreatedAt, 2, t.HistoryShipment(When(o.At ?? o.CreatedAt), n)),
                ObligationKind.ExpectedPayment => (o.CreatedAt, 2, t.HistoryInvoice(When(o.CreatedAt), n, o.Amount ?? 0, deal.Currency, When(o.DueAt ?? o.CreatedAt))),
                _ => (o.CreatedAt, 2, t.HistoryShipmentDue(When(o.CreatedAt), n, When(o.DueAt ?? o.CreatedAt))),
            });
        }

        entries.AddRange((await RecordHistory.ReadAsync(ctx, client, ct)).Select(r => (r.At, 3, r.Line)));
        return [.. entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Order).Select(e => e.Line)];
    }

    /// <summary>The reason of a deal lost now; a loss since reopened keeps no reason on the deal.</summary>
    private static string? LostReason(Deal deal, Dictionary<long, string> reasons)
    {
        if (deal.Status != DealStatus.Lost)
        {
            return null;
        }

        var reason = deal.LostReasonId is { } id && reasons.TryGetValue(id, out var name) ? name : null;
        return string.Join(" — ", new[] { reason, deal.LostNote }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } both ? both : null;
    }
}

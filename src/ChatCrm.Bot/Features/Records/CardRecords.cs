using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Records;

/// <summary>
/// What a client's record adds to /card: city, standing note and contact persons under the contacts; the last closed
/// deals and the lifetime value (what was paid, and apart from it what was won) under the open deals.
/// </summary>
internal static class CardRecords
{
    private const int ClosedShown = 3;
    private const int PersonsShown = 10;
    private const int NoteShown = 300;

    public static async Task AppendDetailsAsync(BotContext ctx, Client client, StringBuilder text, CancellationToken ct)
    {
        if (client.City is { } city)
        {
            text.Append('\n').Append(ctx.T.CardCity(city));
        }

        if (client.Note is { } note)
        {
            text.Append('\n').Append(ctx.T.CardNote(note.Length <= NoteShown ? note : note[..NoteShown] + "…"));
        }

        var persons = await ctx.Db.ContactPeople.Where(p => p.ClientId == client.Id).OrderBy(p => p.Id).Take(PersonsShown + 1).ToListAsync(ct);
        if (persons.Count > 0)
        {
            var total = persons.Count > PersonsShown ? await ctx.Db.ContactPeople.CountAsync(p => p.ClientId == client.Id, ct) : persons.Count;
            text.Append("\n\n").Append(ctx.T.CardPersonsHeader(total));
            foreach (var p in persons.Take(PersonsShown))
            {
                text.Append("\n• ").Append(Html.Escape(PersonRecord.LineOf(p)));
            }

            if (total > PersonsShown)
            {
                text.Append('\n').Append(ctx.T.AndMore(total - PersonsShown));
            }
        }
    }

    public static async Task AppendClosedAsync(BotContext ctx, Client client, StringBuilder text, CancellationToken ct)
    {
        var closed = ctx.VisibleDeals().Where(d => d.ClientId == client.Id && d.Status != DealStatus.Open);
        var total = await closed.CountAsync(ct);
        if (total == 0)
        {
            return;
        }

        var last = await closed.OrderByDescending(d => d.ClosedAt).ThenByDescending(d => d.Id).Take(ClosedShown).ToListAsync(ct);
        text.Append("\n\n").Append(ctx.T.CardClosedHeader(total));
        foreach (var d in last)
        {
            var date = d.ClosedAt is { } at ? ctx.T.HistoryDate(TimeZones.ToLocal(at, ctx.Zone)) : "";
            text.Append('\n').Append(ctx.T.CardClosedDeal((int)d.Id, d.Title, d.Status == DealStatus.Won, d.Amount, d.Currency, date));
        }

        // Paid is money received (payments on the client's deals); won is what the won deals were worth. They differ
        // while invoices are unpaid, so the card says both and never adds one to the other.
        var deals = ctx.VisibleDeals().Where(d => d.ClientId == client.Id);
        var paid = await ctx.Db.Obligations.Where(o => o.Kind == ObligationKind.Payment)
            .Join(deals, o => o.DealId, d => d.Id, (o, d) => new { o.Amount, d.Currency })
            .ToListAsync(ct);
        var won = await deals.Where(d => d.Status == DealStatus.Won).Select(d => new { d.Amount, d.Currency }).ToListAsync(ct);
        if (paid.Count + won.Count > 0)
        {
            text.Append('\n').Append(ctx.T.CardLifetime(
                Sum(ctx.T, paid.Select(p => (p.Amount ?? 0, p.Currency))),
                Sum(ctx.T, won.Select(w => (w.Amount, w.Currency)))));
        }
    }

    /// <summary>«150 000 ₽ + 2 000 USD»: amounts in different currencies are never added up.</summary>
    private static string Sum(Texts texts, IEnumerable<(decimal Amount, string Currency)> amounts)
    {
        var sums = amounts.GroupBy(a => a.Currency, StringComparer.OrdinalIgnoreCase)
            .Select(g => texts.Money(g.Sum(a => a.Amount), g.Key)).ToList();
        return sums.Count == 0 ? texts.Money(0, "RUB") : string.Join(" + ", sums);
    }
}

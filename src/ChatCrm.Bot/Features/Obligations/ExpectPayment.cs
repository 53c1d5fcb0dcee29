using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Obligations;

/// <summary>
/// /invoice &lt;deal&gt; &lt;amount&gt; due &lt;when&gt; [ship &lt;when&gt;] [note]: a payment the client is expected to make,
/// and the date the goods are to go out if one is given; without a due date the bot asks for one.
/// </summary>
internal sealed class ExpectPayment : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (await ObligationSteps.RequireAmountAsync(ctx, "invoice", args, t => t.InvoiceUsage(), ct) is not { Deal: var deal, Amount: var amount } found)
        {
            return;
        }

        var read = DealArgs.ReadDate(found.Rest, DealArgs.DueWords, ctx.Now, ctx.Zone);
        if (read.When is not { } due)
        {
            if (read.Unreadable is { } unreadable)
            {
                ctx.Reply(ctx.T.DateUnreadable(unreadable));
                return;
            }

            var sum = amount.ToString(CultureInfo.InvariantCulture);
            ctx.Ask("invoice", $"{deal.Id} {sum} {DealArgs.DueWords[0]} {{0}} {read.Rest}".Trim(), ctx.T.AskDueDate(deal.Id, amount, deal.Currency));
            return;
        }

        var ship = DealArgs.ReadDate(read.Rest, DealArgs.ShipWords, ctx.Now, ctx.Zone);
        if (ship.When is null && ship.Unreadable is { } badShip)
        {
            ctx.Reply(ctx.T.DateUnreadable(badShip));
            return;
        }

        var invoice = Obligation.ExpectPayment(deal, amount, due.Utc, ctx.User.Id, ctx.Now, ship.Rest);
        var shipment = ship.When is { } shipBy ? Obligation.ExpectShipment(deal, shipBy.Utc, ctx.User.Id, ctx.Now) : null;
        var owed = await ObligationSteps.AddAndSaveAsync(ctx, deal, invoice, ctx.T.UndoInvoice(deal.Id), ct, shipment);
        var text = ctx.T.InvoiceRecorded(deal.Id, deal.Title, amount, deal.Currency, ObligationSteps.Describe(ctx, due), owed);
        ctx.Reply(ship.When is { } when ? $"{text}\n{ctx.T.ShipmentExpected(deal.Id, deal.Title, ObligationSteps.Describe(ctx, when))}" : text);
    }
}

using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Obligations;

/// <summary>/invoice &lt;deal&gt; &lt;amount&gt; due &lt;when&gt; [note]: a payment the client is expected to make; without a due date the bot asks for one.</summary>
internal sealed class ExpectPayment : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var found = await DealFinder.FindAsync(ctx, args, ct);
        if (found.Number is null)
        {
            ctx.Reply(ctx.T.InvoiceUsage());
            return;
        }

        if (found.Deal is not { } deal)
        {
            return;
        }

        var amount = AmountParser.TryParsePrefix(found.Rest);
        if (amount is null)
        {
            ctx.Reply(found.Rest.Length == 0 ? ctx.T.InvoiceUsage() : ctx.T.AmountUnreadable(ObligationSteps.FirstWord(found.Rest)));
            return;
        }

        var read = DealArgs.ReadDate(found.Rest[amount.Length..], DealArgs.DueWords, ctx.Now, ctx.Zone);
        if (read.When is not { } due)
        {
            if (read.Unreadable is { } unreadable)
            {
                ctx.Reply(ctx.T.DateUnreadable(unreadable));
                return;
            }

            var sum = amount.Value.ToString(CultureInfo.InvariantCulture);
            ctx.Ask("invoice", $"{deal.Id} {sum} {DealArgs.DueWords[0]} {{0}} {read.Rest}".Trim(), ctx.T.AskDueDate(deal.Id, amount.Value, deal.Currency));
            return;
        }

        var invoice = Obligation.ExpectPayment(deal, amount.Value, due.Utc, ctx.User.Id, ctx.Now, read.Rest);
        var owed = await ObligationSteps.AddAndSaveAsync(ctx, deal, invoice, ctx.T.UndoInvoice(deal.Id), ct);
        ctx.Reply(ctx.T.InvoiceRecorded(deal.Id, deal.Title, amount.Value, deal.Currency, ObligationSteps.Describe(ctx, due), owed));
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Obligations;

/// <summary>/paid &lt;deal&gt; &lt;amount&gt; [at &lt;when&gt;] [note]: money received (now unless dated); it settles the earliest invoices.</summary>
internal sealed class RecordPayment : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var found = await DealFinder.FindAsync(ctx, args, ct);
        if (found.Number is null)
        {
            ctx.Reply(ctx.T.PaidUsage());
            return;
        }

        if (found.Deal is not { } deal)
        {
            return;
        }

        var amount = AmountParser.TryParsePrefix(found.Rest);
        if (amount is null)
        {
            ctx.Reply(found.Rest.Length == 0 ? ctx.T.PaidUsage() : ctx.T.AmountUnreadable(ObligationSteps.FirstWord(found.Rest)));
            return;
        }

        var read = DealArgs.ReadDate(found.Rest[amount.Length..], DealArgs.AtWords, ctx.Now, ctx.Zone);
        if (read.When is null && read.Unreadable is { } unreadable)
        {
            ctx.Reply(ctx.T.DateUnreadable(unreadable));
            return;
        }

        var payment = Obligation.RecordPayment(deal, amount.Value, read.When?.Utc ?? ctx.Now, ctx.User.Id, ctx.Now, read.Rest);
        var owed = await ObligationSteps.AddAndSaveAsync(ctx, deal, payment, ctx.T.UndoPayment(deal.Id), ct);
        ctx.Reply(ctx.T.PaymentRecorded(deal.Id, deal.Title, amount.Value, deal.Currency, ObligationSteps.Describe(ctx, read.When), owed));
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Obligations;

/// <summary>/paid &lt;deal&gt; &lt;amount&gt; [at &lt;when&gt;] [note]: money received (now unless dated); it settles the earliest invoices.</summary>
internal sealed class RecordPayment : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (await ObligationSteps.RequireAmountAsync(ctx, "paid", args, t => t.PaidUsage(), ct) is not { Deal: var deal, Amount: var amount } found)
        {
            return;
        }

        var read = DealArgs.ReadDate(found.Rest, DealArgs.AtWords, ctx.Now, ctx.Zone, WhenDirection.Past);
        if (read.When is null && read.Unreadable is { } unreadable)
        {
            ctx.Reply(ctx.T.DateUnreadable(unreadable));
            return;
        }

        var payment = Obligation.RecordPayment(deal, amount, read.When?.Utc ?? ctx.Now, ctx.User.Id, ctx.Now, read.Rest);
        var owed = await ObligationSteps.AddAndSaveAsync(ctx, deal, payment, ctx.T.UndoPayment(deal.Id), ct);
        ctx.Reply(ctx.T.PaymentRecorded(deal.Id, deal.Title, amount, deal.Currency, ObligationSteps.Describe(ctx, read.When), owed));
    }
}

using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>/won &lt;deal&gt; [final amount] and the «won» button under a deal (<c>dwon:&lt;deal&gt;</c>).</summary>
internal sealed class WinDeal : ICommandHandler, ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (await DealFinder.RequireAsync(ctx, "won", args, t => t.DealAskNumber("won"), ct) is not { Deal: var deal } found)
        {
            return;
        }

        decimal? amount = null;
        if (found.Rest.Length > 0)
        {
            amount = AmountParser.TryParse(found.Rest);
            if (amount is null)
            {
                ctx.Reply(ctx.T.AmountUnreadable(found.Rest));
                return;
            }
        }

        await WinAsync(ctx, deal, amount, show: false, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await DealViews.FromButtonAsync(ctx, args, ct) is { } deal)
        {
            await WinAsync(ctx, deal, null, show: true, ct);
        }
    }

    private static async Task WinAsync(BotContext ctx, Deal deal, decimal? amount, bool show, CancellationToken ct)
    {
        var before = deal.Snapshot();
        var lines = await ctx.Db.DealLines.Where(l => l.DealId == deal.Id).ToListAsync(ct);
        var change = deal.Win(amount, ctx.Now, ctx.User.Id, lines);
        await DealChangeUndo.SaveAndRecordAsync(ctx, deal, before, change, ctx.T.UndoDealWon(deal.Id), ct);
        ctx.Audit.Record(AuditActions.DealWon, $"deal #{deal.Id}", before.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            deal.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reply = new Reply(ctx.T.DealWon(deal.Id, deal.Title, deal.Amount, deal.Currency), DealViews.ForClosed(ctx, deal));
        ctx.Answer(reply, edit: show);
        await OwnerNotice.TellAsync(ctx, deal, (t, who) => t.DealWonByOther(who, deal.Id, deal.Title, deal.Amount, deal.Currency), ct);
        await StageArrivals.FollowAsync(ctx, deal, ct);
    }
}

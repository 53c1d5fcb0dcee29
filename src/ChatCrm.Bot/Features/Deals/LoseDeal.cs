using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// /lost &lt;deal&gt; [reason] [comment] and the reason buttons (<c>dlost:&lt;deal&gt;:&lt;reason&gt;</c>). A lost deal
/// always has a reason: without one, or with one that is not configured, the reasons are offered as buttons
/// (a typed answer works too) and the deal stays open until one is chosen.
/// </summary>
internal sealed class LoseDeal : ICommandHandler, ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (await DealFinder.RequireAsync(ctx, "lost", args, t => t.DealAskNumber("lost"), ct) is not { Deal: var deal } found)
        {
            return;
        }

        if (!deal.IsOpen)
        {
            ctx.Reply(new Reply(ctx.T.Error(DomainError.DealClosed), DealViews.ForClosed(ctx, deal)));
            return;
        }

        var reasons = await LiveReasonsAsync(ctx, ct);
        var (reason, note) = Match(found.Rest, reasons);
        if (reason is null)
        {
            Ask(ctx, deal, reasons, found.Rest.Length == 0 ? null : found.Rest);
            return;
        }

        await LoseAsync(ctx, deal, reason, note, show: false, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await DealViews.FromButtonAsync(ctx, args, ct) is not { } deal)
        {
            return;
        }

        if (DealViews.IdAt(args, 1) is not { } reasonId)
        {
            Ask(ctx, deal, await LiveReasonsAsync(ctx, ct), null);
            return;
        }

        var reason = await ctx.Db.LostReasons.FirstOrDefaultAsync(r => r.Id == reasonId, ct);
        if (reason is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        await LoseAsync(ctx, deal, reason, null, show: true, ct);
    }

    private static async Task<List<LostReason>> LiveReasonsAsync(BotContext ctx, CancellationToken ct) =>
        await ctx.Db.LostReasons.Where(r => !r.IsRetired).OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>The longest reason the text starts with (as whole words); what follows is the comment.</summary>
    private static (LostReason? Reason, string? Note) Match(string text, List<LostReason> reasons)
    {
        var trimmed = text.Trim();
        // A built-in reason answers to its name in either language: "price too high" is «Цена» + a comment.
        foreach (var (r, name) in reasons.SelectMany(r => BuiltInNames.NamesOf(r.Name).Select(n => (r, n))).OrderByDescending(x => x.n.Length))
        {
            if (trimmed.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == name.Length || !char.IsLetterOrDigit(trimmed[name.Length])))
            {
                var note = trimmed[name.Length..].Trim().TrimStart(',', '.', ':', '—', '-').Trim();
                return (r, note.Length == 0 ? null : note);
            }
        }

        return (null, null);
    }

    private static void Ask(BotContext ctx, Deal deal, List<LostReason> reasons, string? typed)
    {
        var rows = DealViews.Rows(reasons.Select(r => (BuiltInNames.Show(r.Name, ctx.T.Language), $"{DealViews.Lose}:{deal.Id}:{r.Id}")));
        rows.Add([Dialogs.Cancel(ctx.T)]);
        var question = new Reply(ctx.T.PickLostReason(deal.Id, deal.Title, typed), rows);
        ctx.Ask("lost", deal.Id.ToString(CultureInfo.InvariantCulture), question);
    }

    private static async Task LoseAsync(BotContext ctx, Deal deal, LostReason reason, string? note, bool show, CancellationToken ct)
    {
        var before = deal.Snapshot();
        var change = deal.Lose(reason, note, ctx.Now, ctx.User.Id);
        await DealChangeUndo.SaveAndRecordAsync(ctx, deal, before, change, ctx.T.UndoDealLost(deal.Id), ct);
        ctx.Audit.Record(AuditActions.DealLost, $"deal #{deal.Id}", null, reason.Name);
        var reply = new Reply(ctx.T.DealLostBecause(deal.Id, deal.Title, BuiltInNames.Show(reason.Name, ctx.T.Language)), DealViews.ForClosed(ctx, deal));
        ctx.Answer(reply, edit: show);
        await OwnerNotice.TellAsync(ctx, deal, (t, who) => t.DealLostByOther(who, deal.Id, deal.Title, BuiltInNames.Show(reason.Name, t.Language)), ct);
        await StageArrivals.FollowAsync(ctx, deal, ct);
    }
}

using System.Globalization;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>The deal named by number (<c>42</c>, <c>#42</c>, <c>№42</c>) at the start of the arguments.</summary>
public sealed record DealLookup(Deal? Deal, int? Number, string Rest);

/// <summary>A deal the user may work on and the words after its number.</summary>
public sealed record FoundDeal(Deal Deal, string Rest);

public static class DealFinder
{
    /// <summary>The most open deals of one client offered as buttons.</summary>
    private const int MaxDealChoices = 8;

    /// <summary>
    /// The opening of every command that acts on one deal: the deal, or null once the user has been answered —
    /// asked for the number with <paramref name="askForNumber"/> when the text names neither a deal nor a client,
    /// told when the deal is missing or someone else's. A client instead of a number («/move Ромашка») means that
    /// client's open deal: the only one goes straight on, several are offered as buttons that run
    /// <paramref name="command"/> again with the pick, none is said with a button to open one.
    /// </summary>
    public static async Task<FoundDeal?> RequireAsync(BotContext ctx, string command, string text, Func<Texts, Reply> askForNumber, CancellationToken ct)
    {
        var found = await FindAsync(ctx, text, ct);
        if (found.Number is not null)
        {
            return found.Deal is { } deal ? new FoundDeal(deal, found.Rest) : null;
        }

        var lookup = string.IsNullOrWhiteSpace(text) ? null : await ClientFinder.FindAsync(ctx, text, ct);
        if (lookup is null || lookup.Kind == ClientMatchKind.NotFound)
        {
            ctx.Reply(askForNumber(ctx.T));
            return null;
        }

        if (ClientFinder.AskIfUnsettled(ctx, lookup, command, text.Trim()))
        {
            return null;
        }

        var client = lookup.Client!;
        var open = await ctx.VisibleDeals()
            .Where(d => d.ClientId == client.Id && d.Status == DealStatus.Open)
            .OrderBy(d => d.Id).Take(MaxDealChoices).ToListAsync(ct);
        switch (open.Count)
        {
            case 0:
                ctx.Reply(new Reply(ctx.T.NoOpenDealsOf(client.Name),
                    [[Button.Callback(ctx.T.NewDealButton, ClientActions.Data(ClientActions.NewDeal, client.Id))]]));
                return null;
            case 1:
                return new FoundDeal(open[0], lookup.Rest);
            default:
                ctx.AskChoice(command, ("{0} " + lookup.Rest).Trim(), ctx.T.WhichDealOf(client.Name),
                    open.Select(d => (ctx.T.DealChoice(d.Id, d.Title, d.Amount, d.Currency), d.Id.ToString(CultureInfo.InvariantCulture))), perRow: 1);
                return null;
        }
    }

    /// <summary>
    /// Reads the deal number and loads it if the user may work on it. Replies itself when there is a number but no
    /// such deal among the user's: one answer whether the deal is missing, someone else's (that refusal is audited)
    /// or the number too large to be any deal's, so deal numbers cannot be probed.
    /// </summary>
    public static async Task<DealLookup> FindAsync(BotContext ctx, string text, CancellationToken ct)
    {
        var number = DealNumberParser.TryParsePrefix(text, out var length);
        var rest = number is null ? text.Trim() : text[length..].Trim();
        if (number is null)
        {
            if (DealNumberParser.OutOfRangePrefix(text) is { } tooLarge)
            {
                ctx.Reply(ctx.T.DealNotFound(tooLarge, ctx.SeesEverything()));
                return new DealLookup(null, 0, rest); // a number was given (and answered), so nobody asks for one
            }

            return new DealLookup(null, null, rest);
        }

        var deal = await ctx.Db.Deals.FirstOrDefaultAsync(d => d.Id == number.Value, ct);
        if (deal is null || !await ctx.CanSeeAsync(deal, ct))
        {
            ctx.Reply(ctx.T.DealNotFound(number.Value.ToString(CultureInfo.InvariantCulture), ctx.SeesEverything()));
            if (deal is not null)
            {
                ctx.Audit.Record(AuditActions.AccessDenied, $"deal #{number.Value}", "other owner");
            }

            return new DealLookup(null, number, rest);
        }

        return new DealLookup(deal, number, rest);
    }
}

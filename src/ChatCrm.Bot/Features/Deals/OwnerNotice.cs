using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>
/// A deal moved, won or lost by someone other than its manager (a head on the board or in the chat) is news to the
/// manager: they are told, in their own language, who did what. Their own changes tell no one.
/// </summary>
internal static class OwnerNotice
{
    public static async Task TellAsync(BotContext ctx, Deal deal, Func<Texts, string, string> compose, CancellationToken ct)
    {
        if (deal.OwnerUserId == ctx.User.Id)
        {
            return;
        }

        var owner = await ctx.Db.Users.FirstOrDefaultAsync(u => u.Id == deal.OwnerUserId, ct);
        if (owner is { Reachable: true })
        {
            ctx.Notify(owner, t => new Reply(compose(t, ctx.User.DisplayName)), ctx.T.Language);
        }
    }
}

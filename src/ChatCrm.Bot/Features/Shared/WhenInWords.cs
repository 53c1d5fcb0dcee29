using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>Stored instants echoed back to the user in their zone and language.</summary>
public static class WhenInWords
{
    /// <summary>«завтра, пт 4 декабря, 15:00» (see <see cref="WhenFormatter"/>).</summary>
    public static string InWords(this BotContext ctx, DateTime utc, bool withTime = true) =>
        WhenFormatter.Describe(utc, ctx.Now, ctx.Zone, ctx.T.Language.Code(), withTime);
}

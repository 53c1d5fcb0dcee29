using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Time;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Web;

/// <summary>
/// /web: a one-time link that signs a browser in to the board, for a laptop outside Telegram. Only the code's hash is
/// stored; the link works once, for <see cref="WebAppOptions.LoginLinkLifetime"/>.
/// </summary>
internal sealed class SendWebLink(IOptions<WebAppOptions> options) : ICommandHandler
{
    /// <summary>The sign-in page under the board's URL; the link carries the code as <c>?code=</c>.</summary>
    public const string LoginPath = "/login";

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (options.Value.Url is not { } board)
        {
            ctx.Reply(ctx.T.WebNoUrl());
            return Task.CompletedTask;
        }

        var (row, code) = WebLoginCode.Issue(ctx.User.Id, ctx.Now, options.Value.LoginLinkLifetime);
        ctx.Db.WebLoginCodes.Add(row);
        ctx.Audit.Record(AuditActions.WebLinkIssued, after: row.ExpiresAt.ToString("O"));
        ctx.Reply(ctx.T.WebLink($"{board}{LoginPath}?code={code}", TimeZones.ToLocal(row.ExpiresAt, ctx.Zone)));
        return Task.CompletedTask;
    }
}

using ChatCrm.Bot.Features.Shared;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>/cancel leaves whatever question the bot is waiting on.</summary>
internal sealed class CancelDialog : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        ctx.Reply(ctx.User.EndDialog() ? ctx.T.Cancelled() : ctx.T.NothingToCancel());
        return Task.CompletedTask;
    }
}

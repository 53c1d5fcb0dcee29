using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Onboarding;

/// <summary>/start from someone already in: a greeting (an invite they no longer need stays unused).</summary>
internal sealed class Start : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        ctx.Reply(new Reply(
            args.Length > 0 ? ctx.T.AlreadyJoined(ctx.User.Role) : ctx.T.Hello(ctx.User.DisplayName, ctx.User.Role),
            [[Button.Callback("📋 /menu", CommandTable.Run("menu"))]]));
        return Task.CompletedTask;
    }
}

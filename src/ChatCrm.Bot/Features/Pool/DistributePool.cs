using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Pool;

/// <summary>🎲 under /pool (<c>pool:d:&lt;segment id or 0&gt;</c>): /distribute for the segment shown, as a new message.</summary>
internal sealed class DistributePool(CommandRunner runner) : ICallbackHandler
{
    public const string Prefix = "pool:d";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var segmentId))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        ctx.SourceMessageId = null;
        await runner.RunCommandAsync(ctx, "distribute", segmentId == 0 ? "" : ProcessArgs.Ref('g', segmentId), ct);
    }
}

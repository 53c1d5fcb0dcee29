using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.FreeText;

/// <summary>
/// The buttons under a proposal (<see cref="FreeTextProposals"/>): ✅ runs every command, ✏️ shows them to copy and
/// correct with a button to run each alone, cancel drops it. A tap on a proposal no longer waiting says so and does nothing.
/// </summary>
internal sealed class FreeTextButtons(CommandRunner runner) : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args is not [var verb, var stamp, ..] || Proposal.Pending(ctx) is not { } proposal || proposal.Stamp != stamp)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        switch (verb)
        {
            case "ok":
                ctx.User.EndDialog();
                await RunAsync(ctx, proposal.Commands, ct);
                break;
            case "ed":
                ctx.Show(EditView(ctx, proposal));
                break;
            case "one" when args.Count == 3 && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                            && i < proposal.Commands.Count:
                var left = proposal with { Commands = [.. proposal.Commands.Where((_, k) => k != i)] };
                if (left.Commands.Count == 0)
                {
                    ctx.User.EndDialog();
                }
                else
                {
                    ctx.User.StartDialog(FreeTextProposals.DialogName, left.Write(), ctx.Now + Dialogs.Lifetime);
                    ctx.Show(EditView(ctx, left));
                    ctx.SourceMessageId = null;
                }

                await RunAsync(ctx, [proposal.Commands[i]], ct);
                break;
            case "no":
                ctx.User.EndDialog();
                ctx.Show(new Reply(ctx.T.Cancelled()));
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }

    /// <summary>Runs the commands as if typed, one after another; each answers for itself below the proposal.</summary>
    private async Task RunAsync(BotContext ctx, IReadOnlyList<ProposedCommand> commands, CancellationToken ct)
    {
        ctx.Show(new Reply(string.Join('\n', commands.Select(c => FreeTextProposals.Code(c.Copy)).Prepend(ctx.T.FreeTextDoing))));
        ctx.SourceMessageId = null;
        foreach (var command in commands.OrderBy(c => c.RunsFirst ? 0 : 1))
        {
            var line = command.Run.TrimStart('/');
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            await runner.RunCommandAsync(ctx, space < 0 ? line : line[..space], space < 0 ? "" : line[(space + 1)..], ct);
        }
    }

    private static Reply EditView(BotContext ctx, Proposal proposal) =>
        new(string.Join('\n', proposal.Commands.Select(c => FreeTextProposals.Code(c.Copy)).Prepend(ctx.T.FreeTextEditHint)),
        [
            .. proposal.Commands.Select((c, i) => (IReadOnlyList<Button>)[Button.Callback("▶ " + Label(c.Copy), proposal.Data("one", i))]),
            [Button.Callback(ctx.T.CancelButton, proposal.Data("no"))],
        ]);

    private static string Label(string command) => command.Length <= 48 ? command : command[..47] + "…";
}


namespace ChatCrm.Bot.Features.Shared;

/// <summary>How an answer (a typed message or a picked button) completes the arguments a command asked for.</summary>
public static class Dialogs
{
    public static string Answer(string argsTemplate, string answer) =>
        argsTemplate.Contains("{0}", StringComparison.Ordinal)
            ? argsTemplate.Replace("{0}", answer.Trim(), StringComparison.Ordinal).Trim()
            : $"{argsTemplate} {answer}".Trim();
}

/// <summary>A tap on an option offered by <see cref="BotContext.AskChoice"/>: resumes the waiting command.</summary>
internal sealed class PickOption(CommandRunner runner) : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var dialog = ctx.User.ActiveDialog(ctx.Now);
        ctx.User.EndDialog();
        if (dialog is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (args is [BotContext.CancelValue])
        {
            ctx.Show(ctx.T.Cancelled());
            return;
        }

        ctx.SourceMessageId = null;
        await runner.RunCommandAsync(ctx, dialog.Value.Command, Dialogs.Answer(dialog.Value.Args, string.Join(':', args)), ct);
    }
}

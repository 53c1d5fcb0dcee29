using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// A question a command asks (<see cref="BotContext.Ask"/>, <see cref="BotContext.AskChoice"/>) and how the answer, typed
/// or picked with a button, completes the arguments the command asked for.
/// </summary>
public static class Dialogs
{
    /// <summary>How long a question waits for its answer; after that, a typed line is an ordinary message again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public const string PickPrefix = "pick";
    public const string CancelValue = "-";

    /// <summary>A button whose tap answers the open question with <paramref name="value"/>: keep it short (ids, not text).</summary>
    public static Button Option(string label, string value) => Button.Callback(label, $"{PickPrefix}:{value}");

    /// <summary>The button that drops the open question.</summary>
    public static Button Cancel(Texts texts) => Option(texts.CancelButton, CancelValue);

    /// <summary>The options, <paramref name="perRow"/> to a row, and a cancel button below them.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Choices(Texts texts, IEnumerable<(string Label, string Value)> options, int perRow) =>
        [.. options.Select(o => Option(o.Label, o.Value)).Chunk(perRow), [Cancel(texts)]];

    public static string Answer(string argsTemplate, string answer) =>
        argsTemplate.Contains("{0}", StringComparison.Ordinal)
            ? argsTemplate.Replace("{0}", answer.Trim(), StringComparison.Ordinal).Trim()
            : $"{argsTemplate} {answer}".Trim();
}

/// <summary>A tap on an option offered by <see cref="Dialogs.Option"/>: resumes the waiting command.</summary>
internal sealed class PickOption(CommandRunner runner) : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var dialog = ctx.User.ActiveDialog(ctx.Now);
        ctx.User.EndDialog();
        // A question that names no command (a free-text proposal waits for its own buttons) takes no pick.
        if (dialog is null || CommandTable.Find(dialog.Value.Command) is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (args is [Dialogs.CancelValue])
        {
            ctx.Show(ctx.T.Cancelled());
            return;
        }

        ctx.SourceMessageId = null;
        await runner.RunCommandAsync(ctx, dialog.Value.Command, Dialogs.Answer(dialog.Value.Args, string.Join(':', args)), ct);
    }
}

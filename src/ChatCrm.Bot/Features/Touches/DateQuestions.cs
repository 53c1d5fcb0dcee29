using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// Dates a touch or a plan must not take silently: «12/10» from a user who may mean either order is asked with two
/// buttons, and a day left in a note is echoed with a button that plans it.
/// </summary>
internal static class DateQuestions
{
    /// <summary>A question whose arguments would not fit the dialog is not asked: the echo shows the reading taken.</summary>
    private const int MaxDialogArgs = 1000;

    /// <summary>
    /// When one of <paramref name="phrases"/> is «12/10» read either way, asks which date with both readings as
    /// buttons; the tap runs <paramref name="command"/> again with the date written «dd.mm.yyyy». Nothing is done
    /// until then.
    /// </summary>
    public static bool AskIfAmbiguous(BotContext ctx, string command, string args, params WhenPhrase?[] phrases)
    {
        if (phrases.FirstOrDefault(p => p?.Ambiguity is not null)?.Ambiguity is not { } ambiguity)
        {
            return false;
        }

        var at = args.IndexOf(ambiguity.Written, StringComparison.Ordinal);
        if (at < 0 || args.Length > MaxDialogArgs)
        {
            return false;
        }

        var template = args[..at] + "{0}" + args[(at + ambiguity.Written.Length)..];
        ctx.AskChoice(command, template, ctx.T.WhichDate(ambiguity.Written),
        [
            (Label(ctx, ambiguity.MonthFirst), DateAmbiguity.Unambiguous(ambiguity.MonthFirst)),
            (Label(ctx, ambiguity.DayFirst), DateAmbiguity.Unambiguous(ambiguity.DayFirst)),
        ]);
        return true;
    }

    /// <summary>"📅 Plan it for Fri, 25 Dec?" under a touch whose note names that day.</summary>
    public static Button PlanButton(BotContext ctx, long clientId, long workTypeId, WhenPhrase when) =>
        Button.Callback(ctx.T.PlanOnButton(Label(ctx, when)), NextStep.OnDay(clientId, workTypeId, when));

    private static string Label(BotContext ctx, WhenPhrase when) => ctx.InWords(when.Utc, when.HasTime);
}

using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Bot.Features.Shared;

public static class BuiltInNaming
{
    /// <summary>
    /// A stage, work type or lost reason as the user's language says it: a built-in in their language («Звонок» is
    /// "Call" to an English manager), a name an admin typed as typed.
    /// </summary>
    public static string Shown(this BotContext ctx, string stored) => BuiltInNames.Show(stored, ctx.T.Language);
}

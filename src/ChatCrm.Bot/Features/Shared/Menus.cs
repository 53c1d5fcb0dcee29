using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>The command menu beside a user's input field: the commands their role may run, in their language.</summary>
public sealed class Menus(OutboxWriter outbox, Func<string> nextKey)
{
    /// <summary>Sends the menu again after what it depends on changed: a new user, a new role, a new language.</summary>
    public void Refresh(User whose, Language fallback) =>
        outbox.CommandMenu(whose.ChatId, CommandTable.MenuFor(whose.Role, Texts.For(whose.LanguageOr(fallback))), nextKey());
}

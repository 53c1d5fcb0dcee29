using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// The command menu beside a user's input field: the commands their role may run, in their language; and, when the
/// board has an address (<paramref name="boardUrl"/>), the menu button that opens it as a Telegram Mini App.
/// </summary>
public sealed class Menus(OutboxWriter outbox, Func<string> nextKey, string? boardUrl)
{
    /// <summary>Sends the menu again after what it depends on changed: a new user, a new role, a new language.</summary>
    public void Refresh(User whose, Language fallback)
    {
        var texts = Texts.For(whose.LanguageOr(fallback));
        outbox.CommandMenu(whose.ChatId, CommandTable.MenuFor(whose.Role, texts), nextKey());
        if (boardUrl is not null)
        {
            outbox.MenuButton(whose.ChatId, texts.WebMenuButton, boardUrl, nextKey());
        }
    }

    /// <summary>
    /// Points the menu button where the board is now, after its address changed: to the board, or back to Telegram's
    /// default when it has none. Sent at <paramref name="priority"/> until <paramref name="expiresAtUtc"/>.
    /// </summary>
    public void RepointButton(User whose, Language fallback, int priority, DateTime expiresAtUtc)
    {
        if (boardUrl is null)
        {
            outbox.DefaultMenuButton(whose.ChatId, nextKey(), priority, expiresAtUtc);
        }
        else
        {
            outbox.MenuButton(whose.ChatId, Texts.For(whose.LanguageOr(fallback)).WebMenuButton, boardUrl, nextKey(), priority, expiresAtUtc);
        }
    }

    /// <summary>
    /// Takes both away from someone switched off: their commands would only be refused, and the board would not let
    /// them in. The button goes back to Telegram's default even when the board has no address now: it may have had one
    /// when the button was set.
    /// </summary>
    public void Withdraw(User whose)
    {
        outbox.CommandMenu(whose.ChatId, [], nextKey());
        outbox.DefaultMenuButton(whose.ChatId, nextKey());
    }
}

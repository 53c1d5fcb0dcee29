using Telegram.Bot.Types;

namespace ChatCrm.Bot.Pipeline;

/// <summary>
/// What an update must carry for the kind we handle. Telegram.Bot reads a body with a message but no chat, or a
/// button tap with no sender, as an update with nulls where its types promise values; such an update is dropped
/// at the door rather than failing in a handler — and then in the apology.
/// </summary>
public static class UpdateShape
{
    /// <summary>Null when the update can be handled; otherwise what is missing, for the log.</summary>
    public static string? Problem(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        // Telegram's ids are positive; the local chat numbers its own updates below zero. Zero is a missing id.
        if (update.Id == 0)
        {
            return "no update_id";
        }

        if (update.Message is { } message && ChatProblem("message", message) is { } messageProblem)
        {
            return messageProblem;
        }

        if (update.CallbackQuery is { } query)
        {
            if (query.From is null || query.From.Id == 0)
            {
                return "callback_query without from";
            }

            if (string.IsNullOrEmpty(query.Id))
            {
                return "callback_query without id";
            }

            if (query.Message is { } shown && ChatProblem("callback_query.message", shown) is { } shownProblem)
            {
                return shownProblem;
            }
        }

        if (update.MyChatMember is { } change)
        {
            if (change.From is null || change.From.Id == 0)
            {
                return "my_chat_member without from";
            }

            if (change.Chat is null || !Enum.IsDefined(change.Chat.Type))
            {
                return "my_chat_member without chat";
            }

            if (change.NewChatMember is null)
            {
                return "my_chat_member without new_chat_member";
            }
        }

        return null;
    }

    private static string? ChatProblem(string kind, Message message)
    {
        if (message.Chat is null || !Enum.IsDefined(message.Chat.Type))
        {
            return kind + " without chat";
        }

        if (message.Document is { } document && string.IsNullOrEmpty(document.FileId))
        {
            return kind + ".document without file_id";
        }

        return message.From is { Id: 0 } ? kind + " from nobody" : null;
    }
}

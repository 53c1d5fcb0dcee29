using ChatCrm.Core.Parsing;
using Telegram.Bot.Types;

namespace ChatCrm.Bot.Pipeline;

/// <summary>
/// Cleans what a person typed once, where updates come in (<see cref="InputText.Clean"/>), so no handler stores
/// or echoes a control character: message text and caption, a sent file's name, button data, and the names Telegram sends.
/// </summary>
public static class UpdateText
{
    public static void Clean(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Message is { } m)
        {
            m.Text = InputText.Clean(m.Text);
            m.Caption = InputText.Clean(m.Caption);
            if (m.Document is { } document)
            {
                document.FileName = InputText.Clean(document.FileName);
            }

            Clean(m.From);
            Clean(m.Chat);
        }

        if (update.CallbackQuery is { } q)
        {
            q.Data = InputText.Clean(q.Data);
            Clean(q.From);
        }

        if (update.MyChatMember is { } change)
        {
            Clean(change.From);
            Clean(change.Chat);
        }
    }

    private static void Clean(User? user)
    {
        if (user is null)
        {
            return;
        }

        user.FirstName = InputText.Clean(user.FirstName) ?? "";
        user.LastName = InputText.Clean(user.LastName);
        user.Username = InputText.Clean(user.Username);
        user.LanguageCode = InputText.Clean(user.LanguageCode);
    }

    private static void Clean(Chat? chat)
    {
        if (chat is null)
        {
            return;
        }

        chat.FirstName = InputText.Clean(chat.FirstName);
        chat.LastName = InputText.Clean(chat.LastName);
        chat.Title = InputText.Clean(chat.Title);
        chat.Username = InputText.Clean(chat.Username);
    }
}

namespace ChatCrm.Bot.Features.Shared;

/// <summary>How a person is called, from what their Telegram account says.</summary>
public static class TelegramNames
{
    /// <summary>First and last name as the person set them in Telegram; either may be missing.</summary>
    public static string FullName(Telegram.Bot.Types.User from) =>
        string.Join(' ', new[] { from.FirstName, from.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

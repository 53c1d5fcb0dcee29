using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>Brings people into a test the way they really join: an invite from the admin, then /start.</summary>
public static partial class Team
{
    [GeneratedRegex(@"start[= ]([A-Za-z0-9_-]+)")]
    private static partial Regex InviteCode();

    public static async Task<string> InviteAsync(ChatCrmApp app, string role, long by = ChatCrmApp.AdminId)
    {
        var before = app.Api.DeliveredTo(by).Count;
        await app.SendAsync(Updates.Text(by, $"/invite {role}"));
        var messages = await app.Api.WaitForMessagesAsync(by, before + 1);
        var match = InviteCode().Match(messages[^1].Text ?? "");
        match.Success.Should().BeTrue($"the invite reply should carry a code, but was: {messages[^1].Text}");
        return match.Groups[1].Value;
    }

    public static async Task JoinAsync(ChatCrmApp app, long telegramId, string role, string? firstName = null, string? languageCode = "ru")
    {
        var code = await InviteAsync(app, role);
        var before = app.Api.DeliveredTo(telegramId).Count;
        await app.SendAsync(Updates.Text(telegramId, $"/start {code}", languageCode, firstName));
        await app.Api.WaitForMessagesAsync(telegramId, before + 1);
    }
}

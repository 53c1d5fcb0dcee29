namespace ChatCrm.Bot.Features.Shared;

/// <summary>The bot's own @username, learnt from getMe at start; invite links and group notes need it.</summary>
public sealed class BotIdentity
{
    public string? Username { get; set; }
}

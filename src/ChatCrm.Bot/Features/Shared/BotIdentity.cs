namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// The bot's own @username, learnt from getMe at start; invite links, group notes and `/cmd@bot` need it. A webhook
/// can deliver an update before getMe has answered, so readers wait for it briefly instead of writing a link
/// without the bot's name.
/// </summary>
public sealed class BotIdentity
{
    /// <summary>How long an update waits for getMe at start; past it the reply is written without the username.</summary>
    public static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource<string?> _username = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The username once known; null before getMe answers, and in the terminal chat, which has none.</summary>
    public string? Username => _username.Task.IsCompletedSuccessfully ? _username.Task.Result : null;

    /// <summary>Called once getMe has answered (or, in the terminal chat, at once with null).</summary>
    public void Learned(string? username) => _username.TrySetResult(username);

    public async Task<string?> UsernameAsync(CancellationToken ct)
    {
        try
        {
            return await _username.Task.WaitAsync(StartupWait, ct);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}

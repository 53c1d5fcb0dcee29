namespace ChatCrm.Bot.Outbox;

/// <summary>What happened to one send, in the terms the dispatcher decides on.</summary>
public abstract record SendResult
{
    public sealed record Sent(int? MessageId) : SendResult;

    /// <summary>429: everybody waits, then this row is tried again.</summary>
    public sealed record RetryAfter(TimeSpan Delay) : SendResult;

    /// <summary>5xx or a timeout: this row is tried again later with back-off.</summary>
    /// <param name="ServerError">Telegram answered with a 5xx (rather than no answer at all), for the sends metric.</param>
    public sealed record Transient(string Error, bool ServerError = false) : SendResult;

    /// <summary>400: the request itself is wrong; retrying cannot help.</summary>
    public sealed record Rejected(string Error) : SendResult;

    /// <summary>403: the user blocked the bot (or never started it).</summary>
    public sealed record Blocked(string Error) : SendResult;

    /// <summary>
    /// Not sent at all: the row was no longer pending or this instance no longer held the sender lease, or (with
    /// <paramref name="Retry"/>) the database could not be asked; then the row stays in line.
    /// </summary>
    public sealed record Withheld(bool Retry) : SendResult;
}

/// <summary>The one seam through which outbox rows leave the process: Telegram, or the local terminal chat.</summary>
public interface IBotGateway
{
    /// <summary>False for the terminal chat, where Telegram's rate limits mean nothing.</summary>
    bool IsThrottled { get; }

    /// <summary>Whether this row goes as a paid broadcast (up to 1,000 a second overall instead of ~30).</summary>
    bool AllowsPaid(OutboxMessage message) => false;

    Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct);
}

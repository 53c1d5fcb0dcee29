namespace ChatCrm.Bot.Outbox;

/// <summary>
/// What the dispatcher tells the health check about sending: whether it is paused because Telegram is unreachable,
/// since when and why. The backlog itself is read from the table, which every instance can see.
/// </summary>
public sealed class OutboxHealth
{
    private volatile Outage? _outage;

    /// <summary>Null while sending runs normally.</summary>
    public Outage? CurrentOutage => _outage;

    internal void OutageBegan(DateTime sinceUtc, string error) => _outage = new Outage(sinceUtc, error);

    internal void OutageEnded() => _outage = null;

    /// <param name="SinceUtc">When the first send failed for the outage (real UTC time).</param>
    /// <param name="Error">The failure that began it: a 5xx, a timeout, a network error.</param>
    public sealed record Outage(DateTime SinceUtc, string Error);
}

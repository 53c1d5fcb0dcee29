namespace ChatCrm.Bot.Data;

/// <summary>
/// An update whose effect is committed. Inserted in the same transaction as the effect, so a
/// redelivered update_id finds it and does nothing. Keyed by the id itself: Telegram makes ids
/// random after a week of silence, so "greater than the last one" would drop real updates.
/// </summary>
public sealed class ProcessedUpdate
{
    public long UpdateId { get; init; }
    public DateTime ProcessedAt { get; init; }
}

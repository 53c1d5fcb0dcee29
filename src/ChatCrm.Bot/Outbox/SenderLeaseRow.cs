namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The right to send for one bot token, held by one instance at a time (PostgreSQL, several instances). The holder
/// renews <see cref="ExpiresAt"/> every few seconds; once it has passed, any instance may take the lease over, and
/// <see cref="Epoch"/> counts the hand-overs. Times are the database server's, so the instances' clocks do not matter.
/// </summary>
public sealed class SenderLeaseRow
{
    /// <summary>Which bot: <c>telegram:</c> and the first hex digits of the token's SHA-256 (never the token itself).</summary>
    public string Name { get; private set; } = "";

    /// <summary>The holder's <c>Instance:Name</c>.</summary>
    public string Holder { get; private set; } = "";

    public long Epoch { get; private set; }

    public DateTime ExpiresAt { get; private set; }
}

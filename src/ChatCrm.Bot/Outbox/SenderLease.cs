namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Whether this instance is the one that sends (Telegram's limits are per token: exactly one instance may send).
/// The seam for the lease of issue 11 part 1, a row renewed every few seconds: that implementation replaces
/// <see cref="SoleSender"/> in the container, and the dispatcher and the <c>chatcrm.sender.lease_holder</c> gauge
/// read it from here.
/// </summary>
public interface ISenderLease
{
    /// <summary>True while this instance holds the right to send.</summary>
    bool Held { get; }
}

/// <summary>Today's single instance: it always sends.</summary>
internal sealed class SoleSender : ISenderLease
{
    public bool Held => true;
}

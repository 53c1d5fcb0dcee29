namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Whether the request being made right now carries <c>allow_paid_broadcast</c>: set by <see cref="TelegramGateway"/> for
/// the one request it makes (an async-local value flows down into the HTTP chain, never back up to the caller) and
/// read by the pacer at the wire, which holds paid requests to their own, faster spacing.
/// </summary>
internal static class PaidBroadcastRequest
{
    internal static readonly AsyncLocal<bool> Current = new();
}

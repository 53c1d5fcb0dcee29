namespace ChatCrm.Bot.Outbox;

public enum OutboxKind
{
    Message = 1,
    EditMessage = 2,
    AnswerCallback = 3,
    SetCommands = 4,

    /// <summary>A picture (PNG bytes in the payload) with an HTML caption: the digest's chart.</summary>
    Photo = 5,

    /// <summary>A file (bytes in the payload) with an HTML caption: a report's sheet, the payroll.</summary>
    Document = 6,

    /// <summary>The chat's menu button (setChatMenuButton): a web_app button that opens the board.</summary>
    MenuButton = 7,
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>
    /// Not sent in time to be of use (a button answer after Telegram's limit, a scheduled message after its
    /// window, a reply after a day), typically because Telegram was unreachable; <see cref="OutboxMessage.Error"/> says why.
    /// </summary>
    Expired = 3,
}

/// <summary>
/// Something to say to Telegram, written in the same transaction as the change that caused it and
/// sent later by the dispatcher, at least once. <see cref="DedupKey"/> keeps the same thing from
/// being written twice (a redelivered update, a scheduler run repeated after a restart).
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Lower goes first: answers to button taps, then replies, then scheduled messages.</summary>
    public const int PriorityCallback = 0;
    public const int PriorityReply = 1;
    public const int PriorityScheduled = 2;

    public long Id { get; private set; }
    public long ChatId { get; private set; }
    public OutboxKind Kind { get; private set; }
    public string Payload { get; private set; } = "";
    public string? DedupKey { get; private set; }
    public int Priority { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>
    /// Not to be tried before this. The dispatcher no longer sets it (a failed send pauses everybody, see
    /// <c>OutboxDispatcher</c>), but still honours it; rows from before that change may carry one.
    /// </summary>
    public DateTime? NextAttemptAt { get; private set; }
    /// <summary>
    /// After this (UTC, on the application's clock) the row is no longer worth sending and is marked
    /// <see cref="OutboxStatus.Expired"/>. Set by the writer, who knows the kind and window; null never expires.
    /// </summary>
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>
    /// Set just before the row is handed to Telegram and cleared when the answer is recorded: a pending row with it set
    /// was in flight when its sender died, and may already have reached the chat. Sent again, it is counted.
    /// </summary>
    public DateTime? SendingAt { get; private set; }
    public int? TelegramMessageId { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Counts towards Telegram's ~1 message per second per chat.</summary>
    public bool IsChatMessage => Kind is OutboxKind.Message or OutboxKind.EditMessage or OutboxKind.Photo or OutboxKind.Document;

    /// <summary>
    /// Whether the row may go as a paid broadcast (Telegram:AllowPaidBroadcast): only scheduled messages, photos and
    /// files — never a reply, a button answer or an edit, which stay in the free regime and keep their priority.
    /// </summary>
    public bool MayGoPaid => Priority == PriorityScheduled && Kind is OutboxKind.Message or OutboxKind.Photo or OutboxKind.Document;

    /// <summary>PostgreSQL only: the id (xid8) of the transaction that wrote the row, a shadow property.</summary>
    internal const string CommitTx = "CommitTx";

    public static OutboxMessage Create(long chatId, OutboxKind kind, string payload, string? dedupKey, int priority, DateTime nowUtc,
        DateTime? expiresAtUtc = null) =>
        new()
        {
            ExpiresAt = expiresAtUtc,
            ChatId = chatId,
            Kind = kind,
            Payload = payload,
            DedupKey = dedupKey,
            Priority = priority,
            Status = OutboxStatus.Pending,
            CreatedAt = nowUtc,
        };

    /// <summary>The dispatcher's in-memory copy learns of its own retry schedule.</summary>
    internal void ScheduleRetry(int attempts, DateTime? notBeforeUtc)
    {
        Attempts = attempts;
        NextAttemptAt = notBeforeUtc;
    }

    /// <summary>Whether the row is past its usefulness at <paramref name="nowUtc"/> (the application's clock).</summary>
    public bool IsExpiredAt(DateTime nowUtc) => ExpiresAt is { } expires && expires <= nowUtc;

    /// <summary>Why a row of this kind is given up when it expires: what lands in <see cref="Error"/>.</summary>
    public static string ExpiryReason(int priority) => priority switch
    {
        PriorityCallback => "expired: a button answer is accepted by Telegram only shortly after the tap (Outbox:CallbackLifetime)",
        PriorityScheduled => "expired: the scheduled message's window passed before it could be delivered",
        _ => "expired: not delivered within Outbox:ReplyLifetime",
    };
}

namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// The scheduler's memory of one forgotten client: when its owner was first and last nudged in the current
/// streak, whether the heads were told, and a snooze the owner chose (with a reason) that quiets the nudges.
/// A streak ends when the client is touched, handed over or snoozed; the next nudge starts a new one.
/// </summary>
public sealed class ClientNudge
{
    private ClientNudge()
    {
    }

    public long Id { get; private set; }
    public long ClientId { get; private set; }

    /// <summary>Who was nudged; a hand-over to someone else starts a new streak.</summary>
    public long OwnerUserId { get; private set; }
    public DateTime FirstNudgedAt { get; private set; }
    public DateTime LastNudgedAt { get; private set; }

    /// <summary>Nudges sent in the current streak (one a day at most).</summary>
    public int Nudges { get; private set; }
    public DateTime? EscalatedAt { get; private set; }
    public DateTime? SnoozedUntil { get; private set; }
    public SnoozeReason? SnoozeReason { get; private set; }

    public static ClientNudge Start(long clientId, long ownerUserId, DateTime nowUtc) =>
        new()
        {
            ClientId = clientId,
            OwnerUserId = ownerUserId,
            FirstNudgedAt = nowUtc,
            LastNudgedAt = nowUtc,
            Nudges = 1,
        };

    /// <summary>
    /// Records today's nudge. A touch after the previous nudge, or a new owner, means the last one was answered,
    /// so the count starts again and an escalation may happen again later.
    /// </summary>
    public void Nudged(long ownerUserId, DateTime? lastTouchUtc, DateTime nowUtc)
    {
        var answered = lastTouchUtc > LastNudgedAt || ownerUserId != OwnerUserId || Nudges == 0;
        if (answered)
        {
            FirstNudgedAt = nowUtc;
            Nudges = 0;
            EscalatedAt = null;
        }

        OwnerUserId = ownerUserId;
        LastNudgedAt = nowUtc;
        Nudges++;
    }

    /// <summary>Ignored for <paramref name="days"/>: first nudged that long ago, never touched since, not snoozed.</summary>
    public bool IgnoredFor(int days, DateTime? lastTouchUtc, DateTime nowUtc) =>
        Nudges > 0 && nowUtc - FirstNudgedAt >= TimeSpan.FromDays(days)
        && !(lastTouchUtc > FirstNudgedAt) && !IsSnoozed(nowUtc);

    /// <summary>When the heads were first told about this streak.</summary>
    public void Escalated(DateTime nowUtc) => EscalatedAt ??= nowUtc;

    public bool IsSnoozed(DateTime nowUtc) => SnoozedUntil > nowUtc;

    /// <summary>The owner knows why the client is quiet: no nudges until then, and the streak is over.</summary>
    public void Snooze(SnoozeReason reason, DateTime untilUtc, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(untilUtc, nowUtc);

        SnoozedUntil = untilUtc;
        SnoozeReason = reason;
        Nudges = 0;
        EscalatedAt = null;
    }

    /// <summary>The owner acted on the nudge (a call, a plan, a hand-over): the streak is over.</summary>
    public void Answered()
    {
        Nudges = 0;
        EscalatedAt = null;
    }
}

/// <summary>Why a manager put a forgotten client aside; shown to heads in escalations and digests.</summary>
public enum SnoozeReason
{
    AskedToWait = 1,
    WaitingForThem = 2,
    Seasonal = 3,
}

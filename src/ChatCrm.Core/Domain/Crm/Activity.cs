namespace ChatCrm.Core.Domain.Crm;

/// <summary>A touch with a client (done), or a contact the manager intends to make (planned).</summary>
public sealed class Activity
{
    /// <summary>Longer notes are refused, not cut: a manager's words are never lost silently.</summary>
    public const int MaxNoteLength = 4000;

    private Activity()
    {
        Note = "";
    }

    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public long? DealId { get; private set; }
    public long WorkTypeId { get; private set; }

    /// <summary>The manager who made or will make the contact.</summary>
    public long UserId { get; private set; }
    public ActivityStatus Status { get; private set; }

    /// <summary>Set when done: when the touch happened (may be back-dated).</summary>
    public DateTime? HappenedAt { get; private set; }

    /// <summary>Set while planned (kept after completion, so plan vs fact can be compared).</summary>
    public DateTime? PlannedFor { get; private set; }

    /// <summary>Empty when the manager wrote nothing.</summary>
    public string Note { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the activity was recorded as done.</summary>
    public DateTime? CompletedAt { get; private set; }

    /// <summary>Logs a touch that already happened and moves the client's <see cref="Client.LastTouchAt"/>.</summary>
    public static Activity LogDone(Client client, WorkType workType, long userId, DateTime happenedAtUtc, string? note,
        DateTime nowUtc, long? dealId = null)
    {
        if (happenedAtUtc > nowUtc)
        {
            throw new DomainException(DomainError.DateInFuture);
        }

        var activity = New(client, workType, userId, note, nowUtc, dealId);
        activity.Status = ActivityStatus.Done;
        activity.HappenedAt = happenedAtUtc;
        activity.CompletedAt = nowUtc;
        client.RecordTouch(happenedAtUtc);
        return activity;
    }

    /// <summary>
    /// Plans a contact. A time already past is accepted (it shows as overdue) because the date reader may resolve
    /// «сегодня» to a passed hour; the bot echoes the date back so the manager sees it.
    /// </summary>
    public static Activity Plan(Client client, WorkType workType, long userId, DateTime plannedForUtc, string? note,
        DateTime nowUtc, long? dealId = null)
    {
        var activity = New(client, workType, userId, note, nowUtc, dealId);
        activity.Status = ActivityStatus.Planned;
        activity.PlannedFor = plannedForUtc;
        return activity;
    }

    /// <summary>Turns a planned contact into a done touch; a note is added below the planned one.</summary>
    public void Complete(Client client, DateTime atUtc, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Id != ClientId)
        {
            throw new ArgumentException($"Activity {Id} belongs to client {ClientId}, not {client.Id}.", nameof(client));
        }

        EnsurePlanned();
        var added = Text.Note(note, MaxNoteLength);
        var combined = added is null ? Note : Note.Length == 0 ? added : $"{Note}\n{added}";
        Note = Text.Note(combined, MaxNoteLength) ?? "";
        Status = ActivityStatus.Done;
        HappenedAt = atUtc;
        CompletedAt = atUtc;
        client.RecordTouch(atUtc);
    }

    /// <summary>
    /// Takes back a completion made from a plan (/undo right after ✅): the contact is planned again for its old
    /// time. The client's last touch is the caller's to recompute, since only the stored touches know it.
    /// </summary>
    public void Uncomplete()
    {
        if (Status != ActivityStatus.Done || PlannedFor is null)
        {
            throw new InvalidOperationException($"Activity {Id} is {Status}{(PlannedFor is null ? ", never planned" : "")}: there is no completion from a plan to take back.");
        }

        Status = ActivityStatus.Planned;
        HappenedAt = null;
        CompletedAt = null;
    }

    public void Reschedule(DateTime toUtc)
    {
        EnsurePlanned();
        PlannedFor = toUtc;
    }

    /// <summary>A planned contact follows its client to a new manager (assignment, a colleague leaving); done ones stay with who made them.</summary>
    public void HandOver(long newUserId)
    {
        EnsurePlanned();
        UserId = newUserId;
    }

    public void Cancel()
    {
        EnsurePlanned();
        Status = ActivityStatus.Cancelled;
    }

    private static Activity New(Client client, WorkType workType, long userId, string? note, DateTime nowUtc, long? dealId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(workType);
        if (workType.IsRetired)
        {
            throw new DomainException(DomainError.WorkTypeRetired, workType.Name);
        }

        return new Activity
        {
            ClientId = client.Id,
            DealId = dealId,
            WorkTypeId = workType.Id,
            UserId = userId,
            Note = Text.Note(note, MaxNoteLength) ?? "",
            CreatedAt = nowUtc,
        };
    }

    private void EnsurePlanned()
    {
        if (Status != ActivityStatus.Planned)
        {
            throw new DomainException(DomainError.ActivityNotPlanned, Status.ToString());
        }
    }
}

public enum ActivityStatus
{
    Done,
    Planned,
    Cancelled,
}

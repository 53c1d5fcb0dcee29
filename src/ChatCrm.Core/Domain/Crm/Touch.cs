namespace ChatCrm.Core.Domain.Crm;

/// <summary>A touch with a client (done), or a contact the manager intends to make (planned).</summary>
public sealed class Touch
{
    /// <summary>Longer notes are refused, not cut: a manager's words are never lost silently.</summary>
    public const int MaxNoteLength = 4000;

    private Touch()
    {
        Note = "";
    }

    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public long? DealId { get; private set; }
    public long WorkTypeId { get; private set; }

    /// <summary>The manager who made or will make the contact.</summary>
    public long UserId { get; private set; }
    public TouchStatus Status { get; private set; }

    /// <summary>Set when done: when the touch happened (may be back-dated).</summary>
    public DateTime? HappenedAt { get; private set; }

    /// <summary>Set while planned (kept after completion, so plan vs fact can be compared).</summary>
    public DateTime? PlannedFor { get; private set; }

    /// <summary>Empty when the manager wrote nothing.</summary>
    public string Note { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the touch was recorded as done.</summary>
    public DateTime? CompletedAt { get; private set; }

    /// <summary>Logs a touch that already happened and moves the client's <see cref="Client.LastTouchAt"/>.</summary>
    public static Touch LogDone(Client client, WorkType workType, long userId, DateTime happenedAtUtc, string? note,
        DateTime nowUtc, long? dealId = null)
    {
        if (happenedAtUtc > nowUtc)
        {
            throw new DomainException(DomainError.DateInFuture);
        }

        var touch = New(client, workType, userId, note, nowUtc, dealId);
        touch.Status = TouchStatus.Done;
        touch.HappenedAt = happenedAtUtc;
        touch.CompletedAt = nowUtc;
        client.RecordTouch(happenedAtUtc);
        return touch;
    }

    /// <summary>
    /// Plans a contact. A time already past is accepted (it shows as overdue) because the date reader may resolve
    /// «сегодня» to a passed hour; the bot echoes the date back so the manager sees it.
    /// </summary>
    public static Touch Plan(Client client, WorkType workType, long userId, DateTime plannedForUtc, string? note,
        DateTime nowUtc, long? dealId = null)
    {
        var touch = New(client, workType, userId, note, nowUtc, dealId);
        touch.Status = TouchStatus.Planned;
        touch.PlannedFor = plannedForUtc;
        return touch;
    }

    /// <summary>Turns a planned contact into a done touch; a note is added below the planned one.</summary>
    public void Complete(Client client, DateTime atUtc, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Id != ClientId)
        {
            throw new ArgumentException($"Touch {Id} belongs to client {ClientId}, not {client.Id}.", nameof(client));
        }

        EnsurePlanned();
        var added = Text.Note(note, MaxNoteLength);
        var combined = added is null ? Note : Note.Length == 0 ? added : $"{Note}\n{added}";
        Note = Text.Note(combined, MaxNoteLength) ?? "";
        Status = TouchStatus.Done;
        HappenedAt = atUtc;
        CompletedAt = atUtc;
        client.RecordTouch(atUtc);
    }

    /// <summary>
    /// A touch logged by hand that fulfils this planned contact («/call Ромашка …» with a call planned for today): the
    /// plan becomes that touch — who made it, its work type, when it happened, its note below the planned one — so the
    /// figures count one touch done and the plan kept (plan vs fact), not a done touch beside an overdue plan.
    /// </summary>
    public void CompleteBy(Client client, WorkType workType, long userId, DateTime happenedAtUtc, string? note, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(workType);
        if (happenedAtUtc > nowUtc)
        {
            throw new DomainException(DomainError.DateInFuture);
        }

        if (workType.IsRetired)
        {
            throw new DomainException(DomainError.WorkTypeRetired, workType.Name);
        }

        Complete(client, happenedAtUtc, note);
        WorkTypeId = workType.Id;
        UserId = userId;
        CompletedAt = nowUtc;
    }

    /// <summary>/undo of <see cref="CompleteBy"/>: planned again for its old time, with the manager, work type and note it had.</summary>
    public void Reopen(long userId, long workTypeId, string note)
    {
        Uncomplete();
        UserId = userId;
        WorkTypeId = workTypeId;
        Note = note;
    }

    /// <summary>
    /// Takes back a completion made from a plan (/undo right after ✅): the contact is planned again for its old
    /// time. The client's last touch is the caller's to recompute, since only the stored touches know it.
    /// </summary>
    public void Uncomplete()
    {
        if (Status != TouchStatus.Done || PlannedFor is null)
        {
            throw new InvalidOperationException($"Touch {Id} is {Status}{(PlannedFor is null ? ", never planned" : "")}: there is no completion from a plan to take back.");
        }

        Status = TouchStatus.Planned;
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
        Status = TouchStatus.Cancelled;
    }

    private static Touch New(Client client, WorkType workType, long userId, string? note, DateTime nowUtc, long? dealId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(workType);
        if (workType.IsRetired)
        {
            throw new DomainException(DomainError.WorkTypeRetired, workType.Name);
        }

        return new Touch
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
        if (Status != TouchStatus.Planned)
        {
            throw new DomainException(DomainError.TouchNotPlanned, Status.ToString());
        }
    }
}

public enum TouchStatus
{
    Done,
    Planned,
    Cancelled,
}

namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// The work a department or a person owes on a deal while it sits at a stage they own («Договор» → lawyers): made
/// when the deal enters such a stage, taken into work, then finished (the deal goes on) or handed back with a
/// comment. The deal's manager stays the deal's owner. At most one task per deal is open at a time.
/// </summary>
public sealed class StageTask
{
    public const int MaxCommentLength = 1000;

    private StageTask()
    {
        StageName = "";
    }

    public long Id { get; private set; }
    public long DealId { get; private set; }
    public long StageId { get; private set; }

    /// <summary>Copied when the task is made, so a renamed or retired stage never rewrites the past.</summary>
    public string StageName { get; private set; }

    /// <summary>The side that owes the work: a department or one person (exactly one is set).</summary>
    public long? DepartmentId { get; private set; }
    public long? UserId { get; private set; }
    public StageTaskStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long? TakenByUserId { get; private set; }
    public DateTime? TakenAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public long? ClosedByUserId { get; private set; }

    /// <summary>Why the work was handed back (or cancelled); null otherwise.</summary>
    public string? Comment { get; private set; }

    public bool IsOpen => Status is StageTaskStatus.Waiting or StageTaskStatus.InWork;

    public static StageTask Open(long dealId, Stage stage, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.OwnerDepartmentId is null && stage.OwnerUserId is null)
        {
            throw new ArgumentException($"Stage {stage.Id} has no owner: its deals are their managers' work.", nameof(stage));
        }

        return new StageTask
        {
            DealId = dealId,
            StageId = stage.Id,
            StageName = stage.Name,
            DepartmentId = stage.OwnerDepartmentId,
            UserId = stage.OwnerUserId,
            Status = StageTaskStatus.Waiting,
            CreatedAt = nowUtc,
        };
    }

    /// <summary>Someone of the owning side takes the work; taking it again (or by a colleague) is refused.</summary>
    public void Take(long userId, DateTime nowUtc)
    {
        if (Status != StageTaskStatus.Waiting)
        {
            throw new DomainException(DomainError.TaskNotWaiting);
        }

        (Status, TakenByUserId, TakenAt) = (StageTaskStatus.InWork, userId, nowUtc);
    }

    /// <summary>The work is done; the caller moves the deal to the next stage.</summary>
    public void Finish(long userId, DateTime nowUtc) => Close(StageTaskStatus.Done, userId, nowUtc, null);

    /// <summary>Handed back to the manager with a comment (required: the manager must know why).</summary>
    public void Return(long userId, string comment, DateTime nowUtc) =>
        Close(StageTaskStatus.Returned, userId, nowUtc, Text.Note(comment, MaxCommentLength)
            ?? throw new DomainException(DomainError.EmptyComment));

    /// <summary>The deal left the stage some other way (moved, won, lost): the task is no longer owed.</summary>
    public void Cancel(long userId, DateTime nowUtc, string? why = null) =>
        Close(StageTaskStatus.Cancelled, userId, nowUtc, Text.Note(why, MaxCommentLength));

    /// <summary>The owning department or person is removed: the work goes to another side (both null: the manager's).</summary>
    public void Reassign(long? departmentId, long? userId)
    {
        if (departmentId is not null && userId is not null)
        {
            throw new ArgumentException("A task is owed by a department or by a person, not both.");
        }

        (DepartmentId, UserId) = (departmentId, userId);
    }

    private void Close(StageTaskStatus status, long userId, DateTime nowUtc, string? comment)
    {
        if (!IsOpen)
        {
            throw new DomainException(DomainError.TaskClosed);
        }

        (Status, ClosedByUserId, ClosedAt, Comment) = (status, userId, nowUtc, comment);
    }
}

public enum StageTaskStatus
{
    Waiting,
    InWork,
    Done,
    Returned,
    Cancelled,
}

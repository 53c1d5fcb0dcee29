namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// One row of a deal's stage history. Stage names are copied when the row is written, so renaming or retiring a
/// stage never rewrites the past. Made only by <see cref="Deal"/>'s methods.
/// </summary>
public sealed class StageChange
{
    private StageChange()
    {
    }

    public long Id { get; private set; }
    public long DealId { get; private set; }

    /// <summary>
    /// The deal, so EF fills <see cref="DealId"/> when a new deal and its "opened" row are saved together
    /// (map as HasOne(Deal).WithMany().HasForeignKey(DealId)).
    /// </summary>
    public Deal? Deal { get; private set; }
    public StageChangeKind Kind { get; private set; }

    /// <summary>The stage the deal left; null when it was opened.</summary>
    public long? FromStageId { get; private set; }

    /// <summary>The stage the deal entered; null when it was won or lost.</summary>
    public long? ToStageId { get; private set; }
    public string? FromStageName { get; private set; }
    public string? ToStageName { get; private set; }
    public long ByUserId { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>The deal's amount at that moment (the final amount for a win).</summary>
    public decimal Amount { get; private set; }

    internal static StageChange For(Deal deal, StageChangeKind kind, long? fromStageId, string? fromStageName,
        Stage? to, long byUserId, DateTime atUtc) =>
        new()
        {
            Deal = deal,
            DealId = deal.Id,
            Kind = kind,
            FromStageId = fromStageId,
            FromStageName = fromStageName,
            ToStageId = to?.Id,
            ToStageName = to?.Name,
            ByUserId = byUserId,
            At = atUtc,
            Amount = deal.Amount,
        };
}

public enum StageChangeKind
{
    Opened,
    Moved,
    Won,
    Lost,
    Reopened,
}

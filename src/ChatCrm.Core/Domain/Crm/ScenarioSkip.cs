namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// A deal moved on from a stage with required scenario steps undone, confirmed by the person who moved it: the head
/// sees these in the weekly digest. Names are copied so renames never rewrite the past.
/// </summary>
public sealed class ScenarioSkip
{
    public const int MaxStepsLength = 1000;

    private ScenarioSkip()
    {
        StageName = "";
        Steps = "";
    }

    public long Id { get; private set; }
    public long DealId { get; private set; }
    public long StageId { get; private set; }
    public string StageName { get; private set; }

    /// <summary>The skipped steps' work-type names, comma-separated, as they were called then.</summary>
    public string Steps { get; private set; }
    public long ByUserId { get; private set; }
    public DateTime At { get; private set; }

    public static ScenarioSkip Record(long dealId, Stage stage, IEnumerable<string> skippedSteps, long byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var steps = string.Join(", ", skippedSteps);
        if (steps.Length == 0)
        {
            throw new ArgumentException("A skip names at least one step.", nameof(skippedSteps));
        }

        return new ScenarioSkip
        {
            DealId = dealId,
            StageId = stage.Id,
            StageName = stage.Name,
            Steps = steps.Length <= MaxStepsLength ? steps : steps[..(MaxStepsLength - 1)] + "…",
            ByUserId = byUserId,
            At = nowUtc,
        };
    }
}

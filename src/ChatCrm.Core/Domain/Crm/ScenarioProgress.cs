namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// How far a deal is through its stage's scenario: each step is done when a done touch of its work type happened since
/// the deal entered the stage. Two steps of one work type need two touches; a touch counts once, for the earliest step
/// of its type. Pure, so /card, /deals, the offers and the move check all count the same way.
/// </summary>
public sealed class ScenarioProgress
{
    private ScenarioProgress(IReadOnlyList<(ScenarioStep Step, bool Done)> steps, bool isOwn)
    {
        Steps = steps;
        IsSegmentOwn = isOwn;
    }

    /// <summary>The scenario's steps in order, each with whether it is done.</summary>
    public IReadOnlyList<(ScenarioStep Step, bool Done)> Steps { get; }

    /// <summary>True when the steps are the segment's own scenario, not the stage's general one.</summary>
    public bool IsSegmentOwn { get; }

    public int Total => Steps.Count;
    public int Done => Steps.Count(s => s.Done);

    /// <summary>The first step not done yet; null when all are done.</summary>
    public ScenarioStep? Next => Steps.FirstOrDefault(s => !s.Done).Step;

    public IReadOnlyList<ScenarioStep> UndoneRequired => [.. Steps.Where(s => !s.Done && s.Step.IsRequired).Select(s => s.Step)];

    /// <summary>
    /// The steps that apply to a deal at <paramref name="stageId"/> whose client is in <paramref name="segmentId"/>: the
    /// segment's own when it has any, else the general ones (segment null). Ordered by position.
    /// </summary>
    public static (IReadOnlyList<ScenarioStep> Steps, bool IsSegmentOwn) StepsFor(IEnumerable<ScenarioStep> all, long stageId, long? segmentId)
    {
        ArgumentNullException.ThrowIfNull(all);
        var atStage = all.Where(s => s.StageId == stageId).ToList();
        var own = segmentId is null ? [] : atStage.Where(s => s.SegmentId == segmentId).OrderBy(s => s.Position).ToList();
        return own.Count > 0
            ? (own, true)
            : ([.. atStage.Where(s => s.SegmentId is null).OrderBy(s => s.Position)], false);
    }

    /// <summary>
    /// Progress through <paramref name="steps"/> given the work types of the done touches since the deal entered the
    /// stage (one entry per touch). Null when there are no steps: the stage has no scenario.
    /// </summary>
    public static ScenarioProgress? Of(IReadOnlyList<ScenarioStep> steps, IEnumerable<long> doneWorkTypeIds, bool isSegmentOwn = false)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return null;
        }

        var left = doneWorkTypeIds.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var states = new List<(ScenarioStep, bool)>(steps.Count);
        foreach (var step in steps.OrderBy(s => s.Position))
        {
            var done = left.GetValueOrDefault(step.WorkTypeId) > 0;
            if (done)
            {
                left[step.WorkTypeId]--;
            }

            states.Add((step, done));
        }

        return new ScenarioProgress(states, isSegmentOwn);
    }

    /// <summary>The day a step is due: <see cref="ScenarioStep.WithinDays"/> after the stage was entered; null without a limit.</summary>
    public static DateOnly? DueDay(ScenarioStep step, DateOnly enteredLocalDay) =>
        step.WithinDays is { } days ? enteredLocalDay.AddDays(days) : null;
}

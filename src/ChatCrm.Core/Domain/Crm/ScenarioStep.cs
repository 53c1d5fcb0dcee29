namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// One step of a stage's typical scenario: a work type to do, optionally within N days of entering the stage, and
/// whether it is required. A scenario is per stage, optionally per segment (null = any segment; a segment's own
/// scenario replaces it for that segment's deals). Positions are 1..n within (stage, segment).
/// </summary>
public sealed class ScenarioStep
{
    public const int MaxWithinDays = 365;

    private ScenarioStep()
    {
    }

    public long Id { get; private set; }
    public long StageId { get; private set; }
    public long? SegmentId { get; private set; }
    public int Position { get; private set; }
    public long WorkTypeId { get; private set; }
    public int? WithinDays { get; private set; }
    public bool IsRequired { get; private set; }

    public static ScenarioStep Create(long stageId, long? segmentId, int position, long workTypeId, int? withinDays, bool isRequired)
    {
        var step = new ScenarioStep { StageId = stageId, SegmentId = segmentId, WorkTypeId = workTypeId, IsRequired = isRequired };
        step.MoveTo(position);
        step.SetWithin(withinDays);
        return step;
    }

    public void MoveTo(int position) =>
        Position = position >= 1
            ? position
            : throw new DomainException(DomainError.InvalidPosition, position.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void SetWithin(int? days) =>
        WithinDays = days is null or (>= 1 and <= MaxWithinDays)
            ? days
            : throw new DomainException(DomainError.InvalidDays, days.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void SetRequired(bool required) => IsRequired = required;
}

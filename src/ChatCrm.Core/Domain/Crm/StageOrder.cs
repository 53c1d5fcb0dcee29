namespace ChatCrm.Core.Domain.Crm;

/// <summary>Keeps the live stages of one cycle numbered 1..n without gaps or ties, whatever the admin does.</summary>
public static class StageOrder
{
    /// <summary>The live stages in pipeline order.</summary>
    public static IReadOnlyList<Stage> Live(IEnumerable<Stage> cycleStages) =>
        [.. cycleStages.Where(s => !s.IsRetired).OrderBy(s => s.Position).ThenBy(s => s.Id)];

    /// <summary>Where /deal opens a deal; null when the cycle has no live stage.</summary>
    public static Stage? First(IEnumerable<Stage> cycleStages) => Live(cycleStages).FirstOrDefault();

    /// <summary>
    /// Puts <paramref name="stage"/> (new or already in <paramref name="cycleStages"/>) at a 1-based position among
    /// the live stages and renumbers them; a position past the end means last.
    /// </summary>
    public static void Place(IEnumerable<Stage> cycleStages, Stage stage, int position)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (position < 1)
        {
            throw new DomainException(DomainError.InvalidPosition, position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var others = Live(cycleStages).Where(s => !ReferenceEquals(s, stage)).ToList();
        if (others.Any(s => s.CycleId != stage.CycleId))
        {
            throw new ArgumentException("All stages must belong to the stage's cycle.", nameof(cycleStages));
        }

        others.Insert(Math.Min(position, others.Count + 1) - 1, stage);
        Renumber(others);
    }

    /// <summary>Retires a stage and closes the gap; the last live stage of a cycle cannot go.</summary>
    public static void Retire(IEnumerable<Stage> cycleStages, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var live = Live(cycleStages);
        if (!stage.IsRetired && live.All(s => ReferenceEquals(s, stage)))
        {
            throw new DomainException(DomainError.LastStage, stage.Name);
        }

        stage.Retire();
        Renumber(live.Where(s => !ReferenceEquals(s, stage)));
    }

    private static void Renumber(IEnumerable<Stage> ordered)
    {
        var position = 1;
        foreach (var s in ordered)
        {
            s.MoveTo(position++);
        }
    }
}

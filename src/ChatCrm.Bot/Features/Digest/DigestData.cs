using ChatCrm.Bot.Features.StageTasks;

namespace ChatCrm.Bot.Features.Digest;

public enum DigestKind
{
    Daily,
    Weekly,

    /// <summary>On demand only (/digest month): the calendar month so far against the same days of the previous month.</summary>
    Monthly,
}

/// <summary>One manager's line of the digest: every figure is a SQL aggregate over the period.</summary>
public sealed record ManagerFigures(
    long UserId,
    string Name,
    int Done,
    int Planned,
    int NewDeals,
    int Moves,
    int Won,
    decimal WonSum,
    int Lost,
    IReadOnlyList<(string Reason, int Count)> LostReasons,
    decimal Paid,
    int Forgotten,
    int Overdue);

/// <summary>One work type of a manager against its own norm for the digest's period (the stricter of a daily and a weekly one).</summary>
public sealed record NormProgress(string Code, string WorkType, int Done, int Expected);

public sealed record LostDeal(long Id, string Title, string Manager, decimal Amount, string Reason);

/// <param name="Holder">The department or person owning the stage: the days count against them (null: the manager's own stage).</param>
/// <param name="Allowed">The stage's days.</param>
public sealed record RottingDeal(long Id, string Title, string Manager, decimal Amount, string Stage, DateTime StageEnteredAt,
    string? Holder = null, int Allowed = 0);

/// <summary>Team totals of one period, for the week-over-week comparison.</summary>
public sealed record PeriodTotals(int Touches, int NewDeals, int Won, decimal WonSum, int Lost, decimal Paid, double? AverageDealDays)
{
    /// <summary>Won of closed, in percent; null when nothing closed.</summary>
    public int? WinRate => Won + Lost == 0 ? null : (int)Math.Round(Won * 100.0 / (Won + Lost), MidpointRounding.AwayFromZero);
}

/// <summary>Deals that left a stage during the period, and how many of them went forward (a later stage or won).</summary>
public sealed record StageConversion(string Stage, int Exits, int Forward);

public sealed record FunnelStage(string Stage, int Deals, decimal Amount);

public sealed record WeeklyFigures(
    PeriodTotals Previous,
    IReadOnlyList<StageConversion> Conversion,
    decimal WeightedForecast,
    decimal Target,
    decimal Receivables,
    int OverdueInvoices,
    decimal OverdueAmount);

public sealed record DigestData(
    DigestKind Kind,
    DateTime FromUtc,
    DateTime ToUtc,
    DateTime NowUtc,
    /// <summary>Per manager, each normed work type against its own norm (a person's, their department's or the company's).</summary>
    IReadOnlyDictionary<long, IReadOnlyList<NormProgress>> Norms,
    IReadOnlyList<ManagerFigures> Managers,
    IReadOnlyList<LostDeal> Lost,
    IReadOnlyList<RottingDeal> Rotting,
    PeriodTotals Totals,
    int TeamPlanned,
    WeeklyFigures? Weekly,
    IReadOnlyList<FunnelStage> Funnel,
    /// <summary>Who holds how many deals at their stages, and how long (stage tasks).</summary>
    IReadOnlyList<TaskHolder>? Holders = null)
{
    /// <summary>Weekly only: the deals moved on this week with required scenario steps skipped.</summary>
    public IReadOnlyList<SkippedSteps> Skips { get; init; } = [];
}

/// <summary>A confirmed skip of required scenario steps: the deal, the stage it left, the steps and who moved it.</summary>
public sealed record SkippedSteps(long DealId, string Title, string Stage, string Steps, string Who);

namespace ChatCrm.Core.Domain.Pay;

/// <summary>
/// Money received in the month for one product and one client segment: a row of
/// <c>GROUP BY product, segment</c> over the month's payments. Either may be null (a deal without product lines,
/// a client without a segment). Product and segment come together because when both have an override, one of
/// them must win for the same ruble (see <see cref="PayCalculator"/>).
/// </summary>
public sealed record PaidRevenue(long? ProductId, long? SegmentId, decimal Amount);

/// <summary>Completed touches of one work type in the month.</summary>
public sealed record TouchCount(long WorkTypeId, int Count);

/// <summary>
/// A manager's month as the pay scheme needs it, plain enough to fill from SQL aggregates: paid revenue by
/// product and segment, deals won, completed touches per work type and the month's target. Attainment is not an
/// input: it is <see cref="PaidTotal"/> against <see cref="Target"/>, so the two cannot disagree.
/// </summary>
/// <param name="Target">The month's target; null (or not positive) when none is set.</param>
public sealed record PayFigures(
    IReadOnlyList<PaidRevenue> Revenue,
    int WonDeals,
    IReadOnlyList<TouchCount> Touches,
    decimal? Target)
{
    public static readonly PayFigures None = new([], 0, [], null);

    /// <summary>All money received in the month.</summary>
    public decimal PaidTotal => Revenue.Sum(r => r.Amount);
}

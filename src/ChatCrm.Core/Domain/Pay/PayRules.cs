namespace ChatCrm.Core.Domain.Pay;

/// <summary>
/// A rate that applies from one level of plan attainment up to the next: <c>new PayTier(80, 100, 5)</c> is
/// "from 80 % up to (not including) 100 % of the target, 5 % of paid revenue". Reaching a threshold exactly earns
/// its tier, so a manager at exactly 100 % is in the 100 %-and-above tier.
/// </summary>
/// <param name="From">Attainment in percent where the tier starts, inclusive.</param>
/// <param name="To">Attainment in percent where the next tier starts (exclusive); null for the top tier.</param>
/// <param name="Percent">The % of paid revenue paid in this tier (5 means 5 %).</param>
public sealed record PayTier(decimal From, decimal? To, decimal Percent);

/// <summary>
/// The rules of a pay scheme as typed or stored, not yet checked: <see cref="PayScheme.Create"/> checks them.
/// Percentages are in percent (5 means 5 %), money in rubles with at most two decimals.
/// </summary>
public sealed record PayRules
{
    /// <summary>A fixed amount per person per month.</summary>
    public decimal BaseAmount { get; init; }

    /// <summary>The % of paid revenue (money received in the month). Tiers, when there are any, replace it.</summary>
    public decimal RevenuePercent { get; init; }

    /// <summary>Product id → the % paid on revenue from that product instead of the general rate.</summary>
    public IReadOnlyDictionary<long, decimal> ProductPercents { get; init; } = new Dictionary<long, decimal>();

    /// <summary>Segment id → the % paid on revenue from clients of that segment instead of the general rate.</summary>
    public IReadOnlyDictionary<long, decimal> SegmentPercents { get; init; } = new Dictionary<long, decimal>();

    /// <summary>A fixed bonus per deal won in the month.</summary>
    public decimal WonDealBonus { get; init; }

    /// <summary>Work type id → the amount paid per completed touch of that type (300 ₽ per meeting held).</summary>
    public IReadOnlyDictionary<long, decimal> PieceRates { get; init; } = new Dictionary<long, decimal>();

    /// <summary>Rates by plan attainment; in any order, checked to cover 0 % and up without gaps or overlaps.</summary>
    public IReadOnlyList<PayTier> Tiers { get; init; } = [];
}

namespace ChatCrm.Core.Domain.Pay;

/// <summary>What a pay line is paid for.</summary>
public enum PayLineKind
{
    /// <summary>The base amount: basis 1 (the person), rate = the amount.</summary>
    Base,

    /// <summary>Paid revenue at the general rate (the tier's, or the scheme's % without tiers).</summary>
    Revenue,

    /// <summary>Paid revenue from one product at that product's override (RefId = product id).</summary>
    ProductRevenue,

    /// <summary>Paid revenue from one segment's clients at that segment's override (RefId = segment id).</summary>
    SegmentRevenue,

    /// <summary>Deals won: basis = their count, rate = the bonus per deal.</summary>
    WonDeals,

    /// <summary>Completed touches of one work type (RefId = work type id): basis = their count, rate = the piece rate.</summary>
    Touches,
}

/// <summary>
/// One line of pay. For revenue lines <see cref="Basis"/> is rubles and <see cref="Rate"/> a percentage (5 = 5 %);
/// for the others <see cref="Basis"/> is a count and <see cref="Rate"/> rubles per unit.
/// <see cref="Amount"/> is rounded to kopecks (see <see cref="PayCalculator"/>).
/// </summary>
public sealed record PayLine(PayLineKind Kind, long? RefId, decimal Basis, decimal Rate, decimal Amount);

/// <summary>The revenue still needed this month to reach the next tier, and that tier.</summary>
public sealed record NextTier(PayTier Tier, decimal RevenueNeeded);

/// <summary>A manager's pay for a month under one scheme.</summary>
/// <param name="Lines">Base, revenue (general, then by product, then by segment), won deals, touches; lines that
/// pay nothing because their basis or rate is zero are left out.</param>
/// <param name="Total">The sum of the lines' rounded amounts, so the lines always add up to it.</param>
/// <param name="PaidRevenue">All money received in the month.</param>
/// <param name="Attainment">Paid revenue as a % of the target, cut (not rounded) to two decimals so it never shows a
/// threshold not yet reached; null without a target.</param>
/// <param name="Tier">The tier in force: by attainment, or the lowest one without a target; null when the scheme has no tiers.</param>
/// <param name="Next">What it takes to reach the next tier; null without tiers, without a target or in the top tier.</param>
public sealed record Payslip(
    IReadOnlyList<PayLine> Lines,
    decimal Total,
    decimal PaidRevenue,
    decimal? Attainment,
    PayTier? Tier,
    NextTier? Next);

namespace ChatCrm.Core.Domain.Pay;

/// <summary>Every reason a pay scheme can be refused; each maps to one user-facing sentence.</summary>
public enum PayError
{
    /// <summary>A base amount, bonus or piece rate below zero.</summary>
    NegativeAmount,

    /// <summary>An amount above <see cref="PayScheme.MaxAmount"/>: a typo, and more than a kopeck column should hold.</summary>
    AmountTooLarge,

    /// <summary>A percentage below zero.</summary>
    NegativeRate,

    /// <summary>A percentage above 100.</summary>
    RateAbove100,

    /// <summary>Money or a percentage with more than two decimals.</summary>
    TooPrecise,

    /// <summary>The lowest tier does not start at 0 %: some attainment would have no rate.</summary>
    TiersNotFromZero,

    /// <summary>Attainment between two tiers belongs to neither.</summary>
    TierGap,

    /// <summary>Attainment that belongs to two tiers.</summary>
    TierOverlap,

    /// <summary>A tier that ends where it starts or before.</summary>
    TierEmpty,

    /// <summary>The top tier has an upper bound: attainment above it would have no rate.</summary>
    TiersNotOpenEnded,

    /// <summary>A scheme meant to take effect in a month already closed: closed months are never recomputed.</summary>
    MonthClosed,
}

/// <summary>Which part of a scheme a problem is about.</summary>
public enum PayRuleKind
{
    BaseAmount,
    RevenuePercent,
    ProductPercent,
    SegmentPercent,
    WonDealBonus,
    PieceRate,
    Tiers,
    EffectiveFrom,
}

/// <summary>One thing wrong with a pay scheme.</summary>
/// <param name="Rule">The part of the scheme it is about.</param>
/// <param name="RefId">The product, segment or work type the rule is for; null for the others.</param>
/// <param name="Detail">The offending value to echo back («-5», «80–90», «2026-10»), never a sentence.</param>
public sealed record PayProblem(PayError Error, PayRuleKind Rule, long? RefId, string? Detail);

/// <summary>A pay scheme broke its rules. The bot turns <see cref="Problems"/> into sentences in the user's language.</summary>
public sealed class PayRuleException : Exception
{
    public PayRuleException(IReadOnlyList<PayProblem> problems)
        : base(string.Join("; ", problems.Select(p => $"{p.Error} {p.Rule} {p.RefId} {p.Detail}".TrimEnd())))
    {
        Problems = problems;
    }

    public IReadOnlyList<PayProblem> Problems { get; }
}

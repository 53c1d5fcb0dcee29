namespace ChatCrm.Core.Domain.Pay;

/// <summary>
/// A manager's pay for a month: pure arithmetic over the scheme in force and the month's figures.
/// </summary>
/// <remarks>
/// <para><b>Which rate a ruble earns.</b> The most specific rule wins: a product's override, else the client
/// segment's override, else the general rate. The product wins over the segment because it is the narrower
/// choice a head makes about what is sold ("machines pay 7 %" holds whoever buys them). The general rate is the
/// tier's when the scheme has tiers — tiers replace the scheme's plain % — and that plain % otherwise. Overrides
/// are not touched by tiers: an override is a fixed rate for what it names. Attainment, though, counts all paid
/// revenue, overridden or not, because the target is for all of it.</para>
/// <para><b>Tiers.</b> Attainment is paid revenue against the month's target; a tier applies from its threshold
/// inclusive, compared exactly (paid × 100 ≥ target × threshold), so no rounding can award or deny a tier. Without
/// a target the lowest tier applies and nothing is said about the next one: a missing target should show, not pay
/// the top rate.</para>
/// <para><b>Rounding.</b> Revenue is summed per line (the general rate, each product override, each segment
/// override) and each line's amount is rounded once to kopecks, half away from zero (as amounts are stored).
/// Counts times rates are exact. The total is the sum of the rounded lines, so a payslip always adds up. The
/// revenue still needed for the next tier is rounded up to the kopeck, so paying exactly that reaches it.</para>
/// </remarks>
public static class PayCalculator
{
    public static Payslip Calculate(PayScheme scheme, PayFigures figures)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(figures);
        Guard(figures);

        var rules = scheme.Rules;
        var paid = figures.PaidTotal;
        var target = figures.Target is > 0 ? figures.Target : null;
        var tierIndex = TierIndex(rules.Tiers, paid, target);
        var tier = tierIndex is { } i ? rules.Tiers[i] : null;
        var generalRate = tier?.Percent ?? rules.RevenuePercent;

        var lines = new List<PayLine>();
        if (rules.BaseAmount > 0)
        {
            lines.Add(new PayLine(PayLineKind.Base, null, 1, rules.BaseAmount, rules.BaseAmount));
        }

        lines.AddRange(RevenueLines(rules, figures.Revenue, generalRate));

        if (figures.WonDeals > 0 && rules.WonDealBonus > 0)
        {
            lines.Add(new PayLine(PayLineKind.WonDeals, null, figures.WonDeals, rules.WonDealBonus, figures.WonDeals * rules.WonDealBonus));
        }

        foreach (var touches in figures.Touches.GroupBy(t => t.WorkTypeId).OrderBy(g => g.Key))
        {
            var count = touches.Sum(t => t.Count);
            if (count > 0 && rules.PieceRates.TryGetValue(touches.Key, out var rate) && rate > 0)
            {
                lines.Add(new PayLine(PayLineKind.Touches, touches.Key, count, rate, count * rate));
            }
        }

        var attainment = target is { } t ? decimal.Round(paid * 100 / t, 2, MidpointRounding.ToZero) : (decimal?)null;
        var next = target is { } goal && tierIndex is { } current && current + 1 < rules.Tiers.Count
            ? new NextTier(rules.Tiers[current + 1], CeilingToKopeck(goal * rules.Tiers[current + 1].From / 100) - paid)
            : null;
        return new Payslip(lines, lines.Sum(l => l.Amount), paid, attainment, tier, next);
    }

    /// <summary>The tier in force: the highest whose threshold is reached; the lowest without a target; null without tiers.</summary>
    private static int? TierIndex(IReadOnlyList<PayTier> tiers, decimal paid, decimal? target)
    {
        if (tiers.Count == 0)
        {
            return null;
        }

        if (target is not { } goal)
        {
            return 0;
        }

        var index = 0;
        for (var i = 1; i < tiers.Count; i++)
        {
            if (paid * 100 >= goal * tiers[i].From)
            {
                index = i;
            }
        }

        return index;
    }

    private static IEnumerable<PayLine> RevenueLines(PayRules rules, IReadOnlyList<PaidRevenue> revenue, decimal generalRate)
    {
        var byRule = revenue
            .Select(r => (Rule: RuleFor(rules, r), r.Amount))
            .GroupBy(x => x.Rule)
            .Select(g => (g.Key.Kind, g.Key.RefId, g.Key.Rate, Basis: g.Sum(x => x.Amount)))
            .OrderBy(x => x.Kind)
            .ThenBy(x => x.RefId);

        foreach (var (kind, refId, rate, basis) in byRule)
        {
            var percent = kind == PayLineKind.Revenue ? generalRate : rate;
            if (basis > 0 && percent > 0)
            {
                yield return new PayLine(kind, refId, basis, percent, RoundToKopeck(basis * percent / 100));
            }
        }
    }

    private static (PayLineKind Kind, long? RefId, decimal Rate) RuleFor(PayRules rules, PaidRevenue revenue)
    {
        if (revenue.ProductId is { } product && rules.ProductPercents.TryGetValue(product, out var productRate))
        {
            return (PayLineKind.ProductRevenue, product, productRate);
        }

        if (revenue.SegmentId is { } segment && rules.SegmentPercents.TryGetValue(segment, out var segmentRate))
        {
            return (PayLineKind.SegmentRevenue, segment, segmentRate);
        }

        return (PayLineKind.Revenue, null, 0);
    }

    private static void Guard(PayFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures.Revenue);
        ArgumentNullException.ThrowIfNull(figures.Touches);
        // Figures come from SQL sums of positive amounts and counts: a negative one is a bug in the query, and pay
        // computed from it would be wrong without anyone noticing.
        if (figures.WonDeals < 0 || figures.Revenue.Any(r => r.Amount < 0) || figures.Touches.Any(t => t.Count < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(figures), "Paid revenue, won deals and touches cannot be negative.");
        }
    }

    private static decimal RoundToKopeck(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static decimal CeilingToKopeck(decimal amount) => decimal.Ceiling(amount * 100) / 100;
}

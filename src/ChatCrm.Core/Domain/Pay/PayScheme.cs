using System.Collections.Frozen;
using System.Globalization;

namespace ChatCrm.Core.Domain.Pay;

/// <summary>
/// The company's pay rules from one month on: base amount, % of paid revenue with per-product and per-segment
/// overrides, a bonus per won deal, piece rates per work type and tiers by plan attainment. Always valid: made
/// only by <see cref="Create"/>, which refuses a broken table with every problem it found.
/// </summary>
public sealed class PayScheme
{
    /// <summary>The largest amount any rule may name; the same ceiling amounts typed in chat have.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    private PayScheme(DateOnly effectiveFrom, PayRules rules)
    {
        EffectiveFrom = effectiveFrom;
        // A snapshot: the caller's dictionaries may change after the check, the scheme must not.
        Rules = rules with
        {
            ProductPercents = rules.ProductPercents.ToFrozenDictionary(),
            SegmentPercents = rules.SegmentPercents.ToFrozenDictionary(),
            PieceRates = rules.PieceRates.ToFrozenDictionary(),
            Tiers = [.. rules.Tiers.OrderBy(t => t.From)],
        };
    }

    /// <summary>The first day of the month from which the scheme applies.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>The checked rules; <see cref="PayRules.Tiers"/> ordered from the lowest.</summary>
    public PayRules Rules { get; }

    public bool HasTiers => Rules.Tiers.Count > 0;

    /// <summary>Checks <paramref name="rules"/> and makes the scheme, applying from the month of <paramref name="effectiveFrom"/>.</summary>
    /// <exception cref="PayRuleException">The rules break the scheme's rules; <see cref="PayRuleException.Problems"/> lists them all.</exception>
    public static PayScheme Create(DateOnly effectiveFrom, PayRules rules)
    {
        var problems = Check(rules);
        return problems.Count == 0
            ? new PayScheme(new DateOnly(effectiveFrom.Year, effectiveFrom.Month, 1), rules)
            : throw new PayRuleException(problems);
    }

    /// <summary>Every problem with <paramref name="rules"/>, in the order of the rules; empty when they are fine.</summary>
    public static IReadOnlyList<PayProblem> Check(PayRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<PayProblem>();
        CheckAmount(rules.BaseAmount, PayRuleKind.BaseAmount, null, problems);
        CheckPercent(rules.RevenuePercent, PayRuleKind.RevenuePercent, null, problems);
        foreach (var (id, percent) in rules.ProductPercents.OrderBy(p => p.Key))
        {
            CheckPercent(percent, PayRuleKind.ProductPercent, id, problems);
        }

        foreach (var (id, percent) in rules.SegmentPercents.OrderBy(p => p.Key))
        {
            CheckPercent(percent, PayRuleKind.SegmentPercent, id, problems);
        }

        CheckAmount(rules.WonDealBonus, PayRuleKind.WonDealBonus, null, problems);
        foreach (var (id, amount) in rules.PieceRates.OrderBy(p => p.Key))
        {
            CheckAmount(amount, PayRuleKind.PieceRate, id, problems);
        }

        CheckTiers(rules.Tiers, problems);
        return problems;
    }

    private static void CheckAmount(decimal amount, PayRuleKind rule, long? id, List<PayProblem> problems)
    {
        var error = amount < 0 ? PayError.NegativeAmount
            : amount > MaxAmount ? PayError.AmountTooLarge
            : !HasAtMostTwoDecimals(amount) ? PayError.TooPrecise
            : (PayError?)null;
        if (error is { } e)
        {
            problems.Add(new PayProblem(e, rule, id, Show(amount)));
        }
    }

    private static void CheckPercent(decimal percent, PayRuleKind rule, long? id, List<PayProblem> problems)
    {
        var error = percent < 0 ? PayError.NegativeRate
            : percent > 100 ? PayError.RateAbove100
            : !HasAtMostTwoDecimals(percent) ? PayError.TooPrecise
            : (PayError?)null;
        if (error is { } e)
        {
            problems.Add(new PayProblem(e, rule, id, Show(percent)));
        }
    }

    /// <summary>The tiers, sorted by where they start, must run from 0 % upwards, each starting where the last ended.</summary>
    private static void CheckTiers(IReadOnlyList<PayTier> tiers, List<PayProblem> problems)
    {
        if (tiers.Count == 0)
        {
            return;
        }

        foreach (var tier in tiers)
        {
            CheckPercent(tier.Percent, PayRuleKind.Tiers, null, problems);
            if (!HasAtMostTwoDecimals(tier.From) || tier.To is { } to && !HasAtMostTwoDecimals(to))
            {
                problems.Add(new PayProblem(PayError.TooPrecise, PayRuleKind.Tiers, null, Bounds(tier.From, tier.To)));
            }

            if (tier.To <= tier.From)
            {
                problems.Add(new PayProblem(PayError.TierEmpty, PayRuleKind.Tiers, null, Bounds(tier.From, tier.To)));
            }
        }

        // An empty tier is already reported and covers nothing, so it must not also be reported as a gap.
        var sorted = tiers.Where(t => !(t.To <= t.From)).OrderBy(t => t.From).ThenBy(t => t.To ?? decimal.MaxValue).ToList();
        if (sorted.Count == 0)
        {
            return;
        }

        if (sorted[0].From != 0)
        {
            problems.Add(new PayProblem(PayError.TiersNotFromZero, PayRuleKind.Tiers, null, Show(sorted[0].From)));
        }

        // How far the tiers so far reach (null: without end), so a tier inside a wider one is one overlap, not a gap too.
        var reach = sorted[0].To;
        foreach (var next in sorted.Skip(1))
        {
            if (reach is null || reach > next.From)
            {
                var overlapEnd = reach is { } r && next.To is { } t ? Math.Min(r, t) : reach ?? next.To;
                problems.Add(new PayProblem(PayError.TierOverlap, PayRuleKind.Tiers, null, Bounds(next.From, overlapEnd)));
            }
            else if (reach < next.From)
            {
                problems.Add(new PayProblem(PayError.TierGap, PayRuleKind.Tiers, null, Bounds(reach.Value, next.From)));
            }

            reach = reach is null || next.To is null ? null : Math.Max(reach.Value, next.To.Value);
        }

        if (reach is { } top)
        {
            problems.Add(new PayProblem(PayError.TiersNotOpenEnded, PayRuleKind.Tiers, null, Show(top)));
        }
    }

    private static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;

    private static string Show(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Bounds(decimal from, decimal? to) => to is { } t ? $"{Show(from)}–{Show(t)}" : $"{Show(from)}+";
}

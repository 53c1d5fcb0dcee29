using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Pay;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Pay;

/// <summary>The names a scheme and a payslip refer to by id: products, segments and work types.</summary>
internal sealed record PayNames(
    IReadOnlyDictionary<long, string> Products,
    IReadOnlyDictionary<long, string> Segments,
    IReadOnlyDictionary<long, string> WorkTypes)
{
    public static async Task<PayNames> LoadAsync(ChatCrmDbContext db, CancellationToken ct) => new(
        await db.Products.ToDictionaryAsync(p => p.Id, p => p.Name, ct),
        await db.Segments.ToDictionaryAsync(s => s.Id, s => s.Name, ct),
        await db.WorkTypes.ToDictionaryAsync(w => w.Id, w => w.Name, ct));

    public string? For(PayLineKind kind, long? id) => id is not { } i ? null : kind switch
    {
        PayLineKind.ProductRevenue => Products.GetValueOrDefault(i),
        PayLineKind.SegmentRevenue => Segments.GetValueOrDefault(i),
        PayLineKind.Touches => WorkTypes.GetValueOrDefault(i),
        _ => null,
    };

    public string? For(PayRuleKind rule, long? id) => id is not { } i ? null : rule switch
    {
        PayRuleKind.ProductPercent => Products.GetValueOrDefault(i),
        PayRuleKind.SegmentPercent => Segments.GetValueOrDefault(i),
        PayRuleKind.PieceRate => WorkTypes.GetValueOrDefault(i),
        _ => null,
    };

    /// <summary>The scheme in words, one rule a line.</summary>
    public IEnumerable<string> Describe(Texts t, PayScheme scheme, string currency)
    {
        var r = scheme.Rules;
        yield return t.PayHeader(scheme.EffectiveFrom);
        yield return t.PayBase(t.Money(r.BaseAmount, currency));
        yield return t.PayPercent(r.RevenuePercent, scheme.HasTiers);
        foreach (var (id, percent) in r.ProductPercents.OrderBy(p => Products.GetValueOrDefault(p.Key), StringComparer.CurrentCultureIgnoreCase))
        {
            yield return t.PayProductPercent(Products.GetValueOrDefault(id, "?"), percent);
        }

        foreach (var (id, percent) in r.SegmentPercents.OrderBy(p => Segments.GetValueOrDefault(p.Key), StringComparer.CurrentCultureIgnoreCase))
        {
            yield return t.PaySegmentPercent(Segments.GetValueOrDefault(id, "?"), percent);
        }

        if (scheme.HasTiers)
        {
            yield return t.PayTiersHeader;
            foreach (var tier in r.Tiers)
            {
                yield return t.PayTier(tier.From, tier.To, tier.Percent);
            }
        }

        yield return t.PayWonBonus(t.Money(r.WonDealBonus, currency));
        foreach (var (id, rate) in r.PieceRates.OrderBy(p => p.Key))
        {
            yield return t.PayPieceRate(WorkTypes.GetValueOrDefault(id, "?"), t.Money(rate, currency));
        }
    }
}

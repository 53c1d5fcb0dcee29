using System.Text.Json;
using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Pay;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Pay;

/// <summary>
/// The stored versions of the pay scheme, read back as <see cref="PayScheme"/>s in the order they were made, and
/// the rules written as JSON (ids, not names, so renaming a product does not change anyone's pay).
/// </summary>
internal static class PayStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every version, oldest first: <see cref="PaySchemes.EffectiveFor"/> lets a later one from the same month win.</summary>
    public static async Task<IReadOnlyList<PayScheme>> AllAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        var rows = await db.PaySchemes.OrderBy(p => p.Id).Select(p => new { p.EffectiveFrom, p.RulesJson }).ToListAsync(ct);
        return [.. rows.Select(r => PayScheme.Create(r.EffectiveFrom, Read(r.RulesJson)))];
    }

    public static string Write(PayRules rules) => JsonSerializer.Serialize(new StoredRules(
        rules.BaseAmount, rules.RevenuePercent, new(rules.ProductPercents), new(rules.SegmentPercents), rules.WonDealBonus,
        new(rules.PieceRates), [.. rules.Tiers]), Json);

    public static PayRules Read(string json)
    {
        var s = JsonSerializer.Deserialize<StoredRules>(json, Json) ?? throw new InvalidOperationException("Empty pay rules.");
        return new PayRules
        {
            BaseAmount = s.BaseAmount,
            RevenuePercent = s.RevenuePercent,
            ProductPercents = s.ProductPercents ?? [],
            SegmentPercents = s.SegmentPercents ?? [],
            WonDealBonus = s.WonDealBonus,
            PieceRates = s.PieceRates ?? [],
            Tiers = s.Tiers ?? [],
        };
    }

    private sealed record StoredRules(
        decimal BaseAmount,
        decimal RevenuePercent,
        Dictionary<long, decimal>? ProductPercents,
        Dictionary<long, decimal>? SegmentPercents,
        decimal WonDealBonus,
        Dictionary<long, decimal>? PieceRates,
        List<PayTier>? Tiers);
}

namespace ChatCrm.Bot.Data;

/// <summary>
/// One version of the company's pay scheme as stored: the rules (<see cref="ChatCrm.Core.Domain.Pay.PayRules"/>
/// as JSON, ids of products, segments and work types, not names) and the month they apply from. Versions are only
/// ever added, never edited: a change is a new row from the current or a later month, so a closed month keeps the
/// scheme it was paid by. Of two versions from the same month the later one (higher id) is in force.
/// </summary>
public sealed class PaySchemeVersion
{
    private PaySchemeVersion()
    {
        RulesJson = "";
    }

    public long Id { get; private set; }

    /// <summary>The first day of the month from which this version applies.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public string RulesJson { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long CreatedByUserId { get; private set; }

    public static PaySchemeVersion Create(DateOnly effectiveFrom, string rulesJson, long byUserId, DateTime nowUtc) =>
        new()
        {
            EffectiveFrom = new DateOnly(effectiveFrom.Year, effectiveFrom.Month, 1),
            RulesJson = rulesJson,
            CreatedAt = nowUtc,
            CreatedByUserId = byUserId,
        };
}

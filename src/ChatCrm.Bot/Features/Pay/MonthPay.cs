using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Pay;
using ChatCrm.Core.Time;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Pay;

/// <summary>A manager's pay for a month under the scheme in force in it; null when no scheme was in force.</summary>
internal static class MonthPay
{
    public static async Task<Payslip?> ForAsync(ChatCrmDbContext db, IReadOnlyList<PayScheme> schemes, long userId, DateOnly month,
        TimeZoneInfo zone, CancellationToken ct)
    {
        if (PaySchemes.EffectiveFor(schemes, month) is not { } scheme)
        {
            return null;
        }

        var figures = await PayFiguresQuery.ForAsync(db, userId, FirstOf(month), zone, ct);
        return PayCalculator.Calculate(scheme, figures);
    }

    /// <summary>
    /// Every given manager's payslip for the month, each month in the manager's own time zone; the figures are asked
    /// once per zone, so the payroll costs the same few statements for five managers or five hundred. Empty when no
    /// scheme was in force.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, Payslip>> ForManyAsync(ChatCrmDbContext db, IReadOnlyList<PayScheme> schemes,
        IReadOnlyCollection<User> managers, DateOnly month, CancellationToken ct)
    {
        var slips = new Dictionary<long, Payslip>();
        if (PaySchemes.EffectiveFor(schemes, month) is not { } scheme)
        {
            return slips;
        }

        foreach (var zoneGroup in managers.GroupBy(m => TimeZones.Find(m.TimeZoneId) ?? TimeZoneInfo.Utc))
        {
            var figures = await PayFiguresQuery.ForManyAsync(db, [.. zoneGroup.Select(m => m.Id)], FirstOf(month), zoneGroup.Key, ct);
            foreach (var (userId, f) in figures)
            {
                slips[userId] = PayCalculator.Calculate(scheme, f);
            }
        }

        return slips;
    }

    private static DateOnly FirstOf(DateOnly month) => new(month.Year, month.Month, 1);
}

using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Pay;

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

        var figures = await PayFiguresQuery.ForAsync(db, userId, new DateOnly(month.Year, month.Month, 1), zone, ct);
        return PayCalculator.Calculate(scheme, figures);
    }
}

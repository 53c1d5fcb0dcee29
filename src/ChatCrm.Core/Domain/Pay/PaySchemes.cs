namespace ChatCrm.Core.Domain.Pay;

/// <summary>
/// Which scheme pays a month, and which months a new scheme may still change. A month is closed once the
/// calendar has left it (on the company's local date); a scheme may take effect from the current month on, never
/// earlier, so a closed month's pay always comes out as it did when it closed. A change in the middle of a month
/// applies to the whole of that month: the month is still open, and pay is computed per month.
/// </summary>
public static class PaySchemes
{
    /// <summary>
    /// The scheme in force in the month of <paramref name="month"/>: the latest one that took effect in or before it.
    /// Of two schemes from the same month the later in <paramref name="schemes"/> wins (pass them in the order they
    /// were made). Null when none had taken effect yet.
    /// </summary>
    public static PayScheme? EffectiveFor(IEnumerable<PayScheme> schemes, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        var first = FirstOfMonth(month);
        PayScheme? inForce = null;
        foreach (var scheme in schemes)
        {
            if (scheme.EffectiveFrom <= first && (inForce is null || scheme.EffectiveFrom >= inForce.EffectiveFrom))
            {
                inForce = scheme;
            }
        }

        return inForce;
    }

    /// <summary>Whether the month of <paramref name="month"/> is over on <paramref name="today"/>.</summary>
    public static bool IsClosed(DateOnly month, DateOnly today) => FirstOfMonth(month) < FirstOfMonth(today);

    /// <summary>The earliest month a scheme made on <paramref name="today"/> may take effect from: the current one.</summary>
    public static DateOnly EarliestEffectiveFrom(DateOnly today) => FirstOfMonth(today);

    /// <summary>Null when a scheme may take effect from the month of <paramref name="effectiveFrom"/>; otherwise why not.</summary>
    public static PayProblem? CheckEffectiveFrom(DateOnly effectiveFrom, DateOnly today) =>
        IsClosed(effectiveFrom, today)
            ? new PayProblem(PayError.MonthClosed, PayRuleKind.EffectiveFrom, null,
                FirstOfMonth(effectiveFrom).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}

namespace ChatCrm.Core.Domain.Crm;

/// <summary>A manager's sales target for one calendar month.</summary>
public sealed class Target
{
    private Target()
    {
    }

    public long Id { get; private set; }
    public long UserId { get; private set; }

    /// <summary>The first day of the month, 00:00 UTC: one key per month whatever day was given.</summary>
    public DateTime Month { get; private set; }
    public decimal Amount { get; private set; }

    public static Target Create(long userId, DateTime anyDayOfMonth, decimal amount)
    {
        var target = new Target { UserId = userId, Month = MonthOf(anyDayOfMonth) };
        target.SetAmount(amount);
        return target;
    }

    public void SetAmount(decimal amount) =>
        Amount = amount > 0 ? amount : throw new DomainException(DomainError.AmountNotPositive);

    public static DateTime MonthOf(DateTime day) => new(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}

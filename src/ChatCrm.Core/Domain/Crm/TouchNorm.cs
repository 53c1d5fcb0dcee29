namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// How many touches of one work type a person is expected to make per day or week (`/norm call 20 day`). A norm is the
/// company's (both scopes null), a department's or one person's: a person's overrides their department's, which
/// overrides the company's, per work type and period.
/// </summary>
public sealed class TouchNorm
{
    /// <summary>A thousand a day is already no longer a norm but a typo.</summary>
    public const int MaxCount = 1000;

    private TouchNorm()
    {
    }

    public long Id { get; private set; }
    public long WorkTypeId { get; private set; }
    public int Count { get; private set; }
    public NormPeriod Period { get; private set; }

    /// <summary>Set for one person's norm.</summary>
    public long? UserId { get; private set; }

    /// <summary>Set for a department's norm.</summary>
    public long? DepartmentId { get; private set; }

    public static TouchNorm Create(long workTypeId, int count, NormPeriod period, long? userId = null, long? departmentId = null)
    {
        if (userId is not null && departmentId is not null)
        {
            throw new ArgumentException("A norm is a person's or a department's, not both.");
        }

        var norm = new TouchNorm { WorkTypeId = workTypeId, UserId = userId, DepartmentId = departmentId };
        norm.Change(count, period);
        return norm;
    }

    public void Change(int count, NormPeriod period)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new DomainException(DomainError.InvalidCount, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        (Count, Period) = (count, period);
    }

    /// <summary>
    /// How many touches the norm asks for over working days (Mon–Fri) from <paramref name="from"/> to
    /// <paramref name="toInclusive"/>: a daily norm for each of them, a weekly one pro rata (five working days a
    /// week), rounded to the nearest whole touch. Weekends ask for nothing, so a Saturday does not put anyone behind.
    /// </summary>
    public int ExpectedBetween(DateOnly from, DateOnly toInclusive)
    {
        var workingDays = 0;
        for (var day = from; day <= toInclusive; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                workingDays++;
            }
        }

        return Period == NormPeriod.Day
            ? Count * workingDays
            : (int)Math.Round(Count * workingDays / 5m, MidpointRounding.AwayFromZero);
    }
}

public enum NormPeriod
{
    Day,
    Week,
}

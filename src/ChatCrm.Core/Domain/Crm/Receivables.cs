namespace ChatCrm.Core.Domain.Crm;

/// <summary>How late what is owed is, by whole days past the due date on the local calendar.</summary>
public enum AgeBucket
{
    /// <summary>Due today or later: not overdue yet (the payment alerts say "due today", and "late" from tomorrow).</summary>
    NotYetDue,

    /// <summary>1–30 days late (the "0–30" column).</summary>
    UpTo30Days,

    /// <summary>31–60 days late.</summary>
    Days31To60,

    /// <summary>61–90 days late.</summary>
    Days61To90,

    /// <summary>91 days late or more (the "90+" column).</summary>
    Over90Days,
}

/// <summary>One expected payment: when it is due, how much, and how much of it the deal's payments have covered.</summary>
public sealed record Receivable(DateOnly Due, decimal Expected, decimal PaidSoFar)
{
    /// <summary>What is still owed; an overpayment owes nothing and is carried nowhere.</summary>
    public decimal Owed => Math.Max(0, Expected - PaidSoFar);
}

/// <summary>What is owed in one age bucket, and by how many expected payments.</summary>
public sealed record AgeingLine(AgeBucket Bucket, decimal Owed, int Count);

/// <summary>Receivables by age.</summary>
/// <param name="Lines">One line per bucket, in bucket order, empty buckets included (a table and a chart need them all).</param>
/// <param name="Owed">All that is owed.</param>
/// <param name="Overdue">What is owed past its due date: every bucket but <see cref="AgeBucket.NotYetDue"/>.</param>
public sealed record ReceivablesAgeing(IReadOnlyList<AgeingLine> Lines, decimal Owed, decimal Overdue);

/// <summary>
/// Receivables aged the way a head reads them: not yet due, 0–30, 31–60, 61–90 and 90+ days overdue, with part
/// payments counted — an invoice of 100 000 paid 40 000 owes 60 000.
/// </summary>
/// <remarks>
/// A deal's payments cover its expected payments earliest due first, as <see cref="Obligation.Settle"/> settles
/// them. In SQL that is a running sum per deal ordered by due date (then creation, then id):
/// <c>owed = MIN(expected, MAX(0, running_expected - deal_paid))</c>, which <see cref="CoverEarliestFirst"/>
/// states without a database; <see cref="DueDates"/> gives each bucket as due-date bounds for a <c>CASE</c>.
/// </remarks>
public static class Receivables
{
    private static readonly AgeBucket[] Buckets = Enum.GetValues<AgeBucket>();

    /// <summary>Whole days from the due date to <paramref name="today"/>; zero or less when not yet late.</summary>
    public static int DaysLate(DateOnly due, DateOnly today) => today.DayNumber - due.DayNumber;

    public static AgeBucket BucketOf(DateOnly due, DateOnly today) => DaysLate(due, today) switch
    {
        <= 0 => AgeBucket.NotYetDue,
        <= 30 => AgeBucket.UpTo30Days,
        <= 60 => AgeBucket.Days31To60,
        <= 90 => AgeBucket.Days61To90,
        _ => AgeBucket.Over90Days,
    };

    /// <summary>
    /// The due dates that fall in <paramref name="bucket"/> on <paramref name="today"/>, both inclusive; null for an
    /// open end. For SQL: <c>due &gt;= From AND due &lt;= To</c>.
    /// </summary>
    public static (DateOnly? From, DateOnly? To) DueDates(AgeBucket bucket, DateOnly today) => bucket switch
    {
        AgeBucket.NotYetDue => (today, null),
        AgeBucket.UpTo30Days => (today.AddDays(-30), today.AddDays(-1)),
        AgeBucket.Days31To60 => (today.AddDays(-60), today.AddDays(-31)),
        AgeBucket.Days61To90 => (today.AddDays(-90), today.AddDays(-61)),
        AgeBucket.Over90Days => (null, today.AddDays(-91)),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>
    /// Spreads one deal's payments over its expected payments, earliest due first; ties keep the given order (pass
    /// them by creation). The result is in due order.
    /// </summary>
    public static IReadOnlyList<Receivable> CoverEarliestFirst(IEnumerable<(DateOnly Due, decimal Expected)> expected, decimal paid)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentOutOfRangeException.ThrowIfNegative(paid);
        var left = paid;
        var result = new List<Receivable>();
        foreach (var (due, amount) in expected.OrderBy(e => e.Due))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(amount, nameof(expected));
            var covered = Math.Min(amount, left);
            left -= covered;
            result.Add(new Receivable(due, amount, covered));
        }

        return result;
    }

    /// <summary>Sums what is owed by age bucket on <paramref name="today"/>. Fully paid receivables count nowhere.</summary>
    public static ReceivablesAgeing Age(IEnumerable<Receivable> receivables, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(receivables);
        var owed = new decimal[Buckets.Length];
        var counts = new int[Buckets.Length];
        foreach (var r in receivables)
        {
            if (r.Expected < 0 || r.PaidSoFar < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(receivables), "Expected and paid amounts cannot be negative.");
            }

            if (r.Owed > 0)
            {
                var bucket = (int)BucketOf(r.Due, today);
                owed[bucket] += r.Owed;
                counts[bucket]++;
            }
        }

        var lines = Buckets.Select(b => new AgeingLine(b, owed[(int)b], counts[(int)b])).ToList();
        return new ReceivablesAgeing(lines, owed.Sum(), owed.Sum() - owed[(int)AgeBucket.NotYetDue]);
    }
}

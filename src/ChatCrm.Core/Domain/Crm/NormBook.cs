namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// The one place that says what a person is expected to do: for each work type and period separately, the person's own
/// norm if there is one, else their department's, else the company's. A person without a department is in the sales
/// department. Every comparison of work with norms (/team, /me, the morning plan, the digests, the managers report)
/// asks this book, so a call is always compared with the call norm and never with the sum of all norms.
/// </summary>
public sealed class NormBook
{
    private readonly IReadOnlyList<TouchNorm> _norms;
    private readonly long? _salesDepartmentId;

    /// <param name="norms">All norms in force (those of retired work types left out by the caller).</param>
    /// <param name="salesDepartmentId">The sales department, whose norms apply to people with no department.</param>
    public NormBook(IEnumerable<TouchNorm> norms, long? salesDepartmentId)
    {
        ArgumentNullException.ThrowIfNull(norms);
        _norms = norms.ToList();
        _salesDepartmentId = salesDepartmentId;
    }

    public bool IsEmpty => _norms.Count == 0;

    /// <summary>The norms set for the whole company.</summary>
    public IReadOnlyList<TouchNorm> Company => _norms.Where(n => n.UserId is null && n.DepartmentId is null).ToList();

    /// <summary>
    /// The norms that hold for a person, one per work type and period (ordered by work type, day before week): the
    /// person's override, else their department's, else the company's.
    /// </summary>
    public IReadOnlyList<TouchNorm> For(long userId, long? departmentId)
    {
        var department = departmentId ?? _salesDepartmentId;
        return _norms
            .Where(n => n.UserId == userId || (n.UserId is null && (n.DepartmentId is null || n.DepartmentId == department)))
            .GroupBy(n => (n.WorkTypeId, n.Period))
            .Select(g => g.OrderBy(Rank).First())
            .OrderBy(n => n.WorkTypeId).ThenBy(n => n.Period)
            .ToList();
    }

    /// <summary>
    /// How many touches of each normed work type a person is expected to make, <paramref name="expected"/> turning one
    /// norm into a figure for the span looked at. A daily and a weekly norm of the same work: the stricter one is what
    /// the head expects, so the larger figure counts (they are never added up).
    /// </summary>
    public IReadOnlyDictionary<long, int> Expected(long userId, long? departmentId, Func<TouchNorm, int> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return For(userId, departmentId).GroupBy(n => n.WorkTypeId).ToDictionary(g => g.Key, g => g.Max(expected));
    }

    /// <summary>The touches a norm asks for on one working day: a weekly norm spread over five days, rounded up.</summary>
    public static int PerDay(TouchNorm norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        return norm.Period == NormPeriod.Day ? norm.Count : (norm.Count + 4) / 5;
    }

    private static int Rank(TouchNorm n) => n.UserId is not null ? 0 : n.DepartmentId is not null ? 1 : 2;
}

namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// A department of the company (sales, logistics, lawyers, accounts): people belong to one, and a stage of a cycle can be
/// owned by one. There is always exactly one sales department; a user with no department is in it.
/// </summary>
public sealed class Department : NamedItem
{
    public const int MaxNameLength = 64;

    private Department()
        : base(MaxNameLength)
    {
    }

    /// <summary>The sales department: managers belong here unless told otherwise; it cannot be removed.</summary>
    public bool IsSales { get; private set; }

    public static Department Create(string name, bool isSales = false) => Named(new Department { IsSales = isSales }, name);
}

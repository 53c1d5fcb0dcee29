namespace ChatCrm.Core.Domain.Crm;

/// <summary>A pipeline: an ordered set of <see cref="Stage"/>s a deal goes through. New deals open in the default one.</summary>
public sealed class SalesCycle
{
    public const int MaxNameLength = 100;

    private SalesCycle()
    {
        Name = "";
    }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public bool IsDefault { get; private set; }
    public bool IsRetired { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static SalesCycle Create(string name, DateTime nowUtc, bool isDefault = false) =>
        new()
        {
            Name = Text.Name(name, MaxNameLength),
            IsDefault = isDefault,
            CreatedAt = nowUtc,
        };

    public void Rename(string name) => Name = Text.Name(name, MaxNameLength);

    /// <summary>The caller unsets the previous default (<see cref="Unset"/>) in the same save: one default per company.</summary>
    public void MakeDefault()
    {
        if (IsRetired)
        {
            throw new DomainException(DomainError.CycleRetired, Name);
        }

        IsDefault = true;
    }

    public void Unset() => IsDefault = false;

    /// <summary>Open deals keep their cycle; only new deals can no longer be opened in it.</summary>
    public void Retire()
    {
        if (IsDefault)
        {
            // Otherwise /deal would have nowhere to open a deal.
            throw new DomainException(DomainError.CycleIsDefault, Name);
        }

        IsRetired = true;
    }
}

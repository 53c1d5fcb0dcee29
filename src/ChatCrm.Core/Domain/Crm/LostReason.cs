namespace ChatCrm.Core.Domain.Crm;

/// <summary>Why a deal was lost; retired reasons stay on old deals but cannot be chosen again.</summary>
public sealed class LostReason
{
    public const int MaxNameLength = 100;

    private LostReason()
    {
        Name = "";
    }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public bool IsRetired { get; private set; }

    public static LostReason Create(string name) => new() { Name = Text.Name(name, MaxNameLength) };

    public void Rename(string name) => Name = Text.Name(name, MaxNameLength);

    public void Retire() => IsRetired = true;
}

namespace ChatCrm.Core.Domain.Crm;

/// <summary>Why a deal was lost; retired reasons stay on old deals but cannot be chosen again.</summary>
public sealed class LostReason : NamedItem
{
    public const int MaxNameLength = 100;

    private LostReason()
        : base(MaxNameLength)
    {
    }

    public static LostReason Create(string name) => Named(new LostReason(), name);
}

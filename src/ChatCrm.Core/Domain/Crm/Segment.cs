namespace ChatCrm.Core.Domain.Crm;

/// <summary>A group of clients (`#retail`) used to filter and to distribute prospects.</summary>
public sealed class Segment : NamedItem
{
    public const int MaxNameLength = 100;

    private Segment()
        : base(MaxNameLength)
    {
    }

    public static Segment Create(string name) => Named(new Segment(), name);
}

namespace ChatCrm.Core.Domain.Crm;

/// <summary>A group of clients (`#retail`) used to filter and to distribute prospects.</summary>
public sealed class Segment
{
    public const int MaxNameLength = 100;

    private Segment()
    {
        Name = "";
    }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public bool IsRetired { get; private set; }

    public static Segment Create(string name) => new() { Name = Text.Name(name, MaxNameLength) };

    public void Rename(string name) => Name = Text.Name(name, MaxNameLength);

    public void Retire() => IsRetired = true;
}

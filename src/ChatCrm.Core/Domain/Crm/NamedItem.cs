namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// An entry of a list an admin keeps by name (lost reasons, segments, products, work types; departments to come).
/// An entry something refers to is retired, not deleted: hidden from new choices, kept in history.
/// </summary>
public abstract class NamedItem
{
    private readonly int _maxNameLength;

    /// <param name="maxNameLength">The longest name the list's column holds.</param>
    protected NamedItem(int maxNameLength)
    {
        _maxNameLength = maxNameLength;
        Name = "";
    }

    // Not private: a private setter of a base class is invisible to reflection through the derived type.
    public long Id { get; private protected set; }
    public string Name { get; private set; }
    public bool IsRetired { get; private set; }

    /// <summary>Two names are one entry when their keys are equal: case and runs of spaces do not count.</summary>
    public static string Key(string name) => Text.Collapse(name).ToUpperInvariant();

    public bool IsNamed(string name) => Key(Name) == Key(name);

    public void Rename(string name) => Name = Text.Name(name, _maxNameLength);

    public void Retire() => IsRetired = true;

    public void Restore() => IsRetired = false;

    /// <summary>A new entry's factory: the name is checked like every rename.</summary>
    protected static TItem Named<TItem>(TItem item, string name)
        where TItem : NamedItem
    {
        item.Rename(name);
        return item;
    }
}

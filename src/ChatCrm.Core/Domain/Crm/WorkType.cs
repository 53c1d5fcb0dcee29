using System.Text;

namespace ChatCrm.Core.Domain.Crm;

/// <summary>A kind of touch (call, meeting, demo, e-mail, or a custom one) that touches and norms refer to.</summary>
public sealed class WorkType : NamedItem
{
    public const int MaxNameLength = 100;
    public const int MaxCodeLength = 32;

    private WorkType()
        : base(MaxNameLength)
    {
        Code = "";
    }

    /// <summary>Stable key used in commands (`/log demo …`): [a-z0-9_], survives renames.</summary>
    public string Code { get; private set; }

    /// <summary>Without a code, one is made from the name (<see cref="Slug"/>); uniqueness is the database's job.</summary>
    public static WorkType Create(string name, string? code = null)
    {
        var checkedName = Text.Name(name, MaxNameLength);
        var slug = Slug(code ?? checkedName);
        return slug.Length > 0
            ? Named(new WorkType { Code = slug }, checkedName)
            : throw new DomainException(DomainError.InvalidCode, code ?? checkedName);
    }

    /// <summary>«Презентация КП» → "prezentatsiya_kp": Latin, lower case, '_' between words, at most 32 characters.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (Translit.TryGetValue(c, out var latin))
            {
                sb.Append(latin);
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }

        var slug = sb.ToString().Trim('_');
        return slug.Length <= MaxCodeLength ? slug : slug[..MaxCodeLength].TrimEnd('_');
    }

    private static readonly Dictionary<char, string> Translit = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
    };
}

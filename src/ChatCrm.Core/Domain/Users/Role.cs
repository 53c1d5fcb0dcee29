namespace ChatCrm.Core.Domain.Users;

/// <summary>Each role includes the ones before it: an admin can do what a head can, a head what a manager can.</summary>
public enum Role
{
    Manager = 1,
    Head = 2,
    Admin = 3,
}

public static class Roles
{
    private static readonly Dictionary<string, Role> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["manager"] = Role.Manager,
        ["менеджер"] = Role.Manager,
        ["head"] = Role.Head,
        ["руководитель"] = Role.Head,
        ["рук"] = Role.Head,
        ["admin"] = Role.Admin,
        ["админ"] = Role.Admin,
        ["администратор"] = Role.Admin,
    };

    public static bool Includes(this Role role, Role required) => role >= required;

    /// <summary>Reads a role the way people type it, in Russian or English.</summary>
    public static Role? Parse(string? word) =>
        word is not null && Words.TryGetValue(word.Trim(), out var role) ? role : null;

    public static string Code(this Role role) => role switch
    {
        Role.Manager => "manager",
        Role.Head => "head",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

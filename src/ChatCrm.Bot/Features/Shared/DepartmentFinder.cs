using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// Departments as the rest of the code needs them: the sales department, a user's department, one found by the name a
/// person typed. One rule keeps the rest simple: a member of the sales department has <c>User.DepartmentId</c> null —
/// never the sales row's id — so "not in sales" is a plain null check in SQL (<see cref="Visibility"/> relies on it).
/// Move people only through <see cref="Place"/>.
/// </summary>
public static class DepartmentFinder
{
    /// <summary>The sales department; <c>DatabaseInitializer</c> makes sure it exists before the first update.</summary>
    public static Task<Department> SalesAsync(ChatCrmDbContext db, CancellationToken ct) =>
        db.Departments.OrderBy(d => d.Id).FirstAsync(d => d.IsSales, ct);

    /// <summary>The user's department: the sales one when they have none.</summary>
    public static async Task<Department> OfAsync(ChatCrmDbContext db, User user, CancellationToken ct) =>
        user.DepartmentId is { } id && await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct) is { } department
            ? department
            : await SalesAsync(db, ct);

    /// <summary>The live departments, sales first, then by name.</summary>
    public static async Task<List<Department>> LiveAsync(ChatCrmDbContext db, CancellationToken ct) =>
        [.. (await db.Departments.Where(d => !d.IsRetired).ToListAsync(ct))
            .OrderByDescending(d => d.IsSales).ThenBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>A live department by <c>#d12</c> (from a button) or by name, compared by <see cref="NamedItem.Key"/>.</summary>
    public static Department? Find(IEnumerable<Department> live, string text)
    {
        var q = text.Trim();
        return ProcessArgs.Id(q, 'd') is { } id
            ? live.FirstOrDefault(d => d.Id == id && !d.IsRetired)
            : live.FirstOrDefault(d => !d.IsRetired && d.IsNamed(q));
    }

    public static async Task<Department?> FindAsync(ChatCrmDbContext db, string text, CancellationToken ct) =>
        Find(await LiveAsync(db, ct), text);

    /// <summary>The longest run of leading words that names a live department, and the words after it.</summary>
    public static (Department? Department, string Remainder) FindAtStart(IReadOnlyList<Department> live, string text)
    {
        var words = ProcessArgs.Words(text);
        for (var n = words.Length; n >= 1; n--)
        {
            if (Find(live, string.Join(' ', words[..n])) is { } department)
            {
                return (department, string.Join(' ', words[n..]));
            }
        }

        return (null, text.Trim());
    }

    /// <summary>Puts the user in the department; the sales department is stored as null (see the class summary).</summary>
    public static void Place(User user, Department department) => user.JoinDepartment(department.IsSales ? null : department.Id);

    public static string Ref(Department department) => ProcessArgs.Ref('d', department.Id);
}

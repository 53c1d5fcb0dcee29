using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// The active people a head hands work to, named the way heads type them: @username, the name (or its
/// beginning), or <c>#u7</c> after a button. A team is small, so names are matched in memory.
/// </summary>
internal static class Colleagues
{
    public static Task<List<User>> ActiveAsync(BotContext ctx, CancellationToken ct) =>
        ctx.Db.Users.Where(u => u.IsActive).OrderBy(u => u.DisplayName).ToListAsync(ct);

    /// <summary>
    /// Active people with the manager role whom the asker leads, as /team and /plans show them: an admin everyone's, a head
    /// their own department's (a head of sales the managers, a head of logistics the logistics staff).
    /// </summary>
    public static Task<List<User>> ManagersAsync(BotContext ctx, CancellationToken ct) => ManagersAsync(ctx.Db, ctx.User, ct);

    /// <summary>The same for the board, which has a user but no chat.</summary>
    public static Task<List<User>> ManagersAsync(ChatCrmDbContext db, User viewer, CancellationToken ct)
    {
        var managers = db.Users.Where(u => u.IsActive && u.Role == Role.Manager);
        if (!viewer.Role.Includes(Role.Admin))
        {
            var department = viewer.DepartmentId;
            managers = managers.Where(u => u.DepartmentId == department);
        }

        return managers.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync(ct);
    }

    /// <summary>Active managers of the sales department: who receives prospects (staff of other departments own no clients).</summary>
    public static Task<List<User>> SalesManagersAsync(BotContext ctx, CancellationToken ct) =>
        ctx.Db.Users.ActiveSalespeople()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync(ct);

    public static User? Find(IReadOnlyList<User> users, string text)
    {
        var q = text.Trim();
        if (q.Length == 0)
        {
            return null;
        }

        if (ProcessArgs.Id(q, 'u') is { } id)
        {
            return users.FirstOrDefault(u => u.Id == id);
        }

        if (q.StartsWith('@'))
        {
            return users.FirstOrDefault(u => string.Equals(u.Username, q[1..], StringComparison.OrdinalIgnoreCase));
        }

        var exact = users.Where(u => ProcessArgs.Same(u.DisplayName, q) || string.Equals(u.Username, q, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var partial = users.Where(u => u.DisplayName.StartsWith(q, StringComparison.CurrentCultureIgnoreCase)).ToList();
        return exact.Count == 0 && partial.Count == 1 ? partial[0] : null;
    }

    /// <summary>The longest run of leading words that names one person, and the words after it.</summary>
    public static (User? User, string Remainder) FindAtStart(IReadOnlyList<User> users, string text)
    {
        var words = ProcessArgs.Words(text);
        for (var n = words.Length; n >= 1; n--)
        {
            if (Find(users, string.Join(' ', words[..n])) is { } user)
            {
                return (user, string.Join(' ', words[n..]));
            }
        }

        return (null, text.Trim());
    }

    /// <summary>"Which manager?" with a button per person; the pick fills <c>{0}</c> of the template as <c>#u7</c>.</summary>
    public static void AskWhich(BotContext ctx, string command, string argsTemplate, string question, IEnumerable<User> users, string query) =>
        ctx.AskChoice(command, argsTemplate, question,
            ProcessArgs.Suggest(users, u => u.DisplayName, query).Take(UserLookup.PickerSize).Select(u => (u.DisplayName, ProcessArgs.Ref('u', u.Id))));
}

using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// Finds colleagues the way an admin names them: @username, Telegram id or (part of) the name.
/// A team is a few hundred people at most, so names are matched in memory, where Cyrillic case folds correctly.
/// </summary>
internal static class UserLookup
{
    public const int PickerSize = 24;

    public static async Task<IReadOnlyList<User>> FindAsync(ChatCrmDbContext db, string query, CancellationToken ct)
    {
        var q = query.Trim();
        if (long.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await db.Users.Where(u => u.TelegramId == id || u.Id == id).ToListAsync(ct);
        }

        var users = await db.Users.OrderBy(u => u.DisplayName).ToListAsync(ct);
        if (q.StartsWith('@'))
        {
            return users.Where(u => string.Equals(u.Username, q[1..], StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var exact = users.Where(u => string.Equals(u.DisplayName, q, StringComparison.CurrentCultureIgnoreCase)
            || string.Equals(u.Username, q, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0
            ? exact
            : users.Where(u => u.DisplayName.Contains(q, StringComparison.CurrentCultureIgnoreCase)).ToList();
    }

    /// <summary>Buttons to pick one user; <paramref name="data"/> turns a user id into callback data.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Picker(IEnumerable<User> users, Func<long, string> data) =>
        users.Take(PickerSize)
            .Select(u => Button.Callback(u.Username is null ? u.DisplayName : $"{u.DisplayName} @{u.Username}", data(u.Id)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
}

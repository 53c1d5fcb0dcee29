using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /users: everyone with role, state, department (when not sales) and last touch, paged with buttons. Admins only, so
/// it shows every department; a head sees their department's people on its card (/dept &lt;name&gt;) and in /team.
/// </summary>
internal sealed class ListUsers : ICommandHandler, ICallbackHandler
{
    private const int PageSize = 20;

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct) => ShowAsync(ctx, 1, ct);

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct) =>
        ShowAsync(ctx, args.Count == 1 && int.TryParse(args[0], out var page) ? page : 1, ct);

    private static async Task ShowAsync(BotContext ctx, int page, CancellationToken ct)
    {
        var total = await ctx.Db.Users.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var users = await ctx.Db.Users
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.Role).ThenBy(u => u.DisplayName)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);

        var departments = await ctx.Db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var text = new StringBuilder(ctx.T.UsersHeader(total, page, pages));
        foreach (var u in users)
        {
            text.Append('\n').Append(ctx.T.UserLine(u.DisplayName, u.Username, u.Role, u.IsActive, u.BlockedBot, ctx.T.LastSeen(u.LastSeenAt, ctx.Now)));
            if (u.DepartmentId is { } department && departments.TryGetValue(department, out var name))
            {
                text.Append(ctx.T.UserDepartment(name));
            }
        }

        ctx.Show(new Reply(text.ToString(), Pager.Keyboard(ctx.T, page, pages, p => $"users:{p}")));
    }
}

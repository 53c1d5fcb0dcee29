using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.StageTasks;

/// <summary>One side holding deals at its stages: how many open tasks, the oldest's age and the average, in whole days.</summary>
public sealed record TaskHolder(string Name, int Open, int OldestDays, int AverageDays);

/// <summary>
/// Who holds how many deals, and how long — for the digests — and who a stuck deal is stuck with. The open tasks come
/// back as (holder, created) pairs: EF has no portable date difference for SQLite and PostgreSQL, and open work is
/// bounded by the open deals at owned stages, not by the history.
/// </summary>
public static class TaskHolders
{
    public static async Task<IReadOnlyList<TaskHolder>> ForDigestAsync(ChatCrmDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var open = await db.StageTasks.AsNoTracking()
            .Where(t => t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork)
            .Select(t => new { t.DepartmentId, t.UserId, t.CreatedAt }).ToListAsync(ct);
        if (open.Count == 0)
        {
            return [];
        }

        var names = await NamesAsync(db, open.Select(t => t.DepartmentId), open.Select(t => t.UserId), ct);
        return open.GroupBy(t => (t.DepartmentId, t.UserId))
            .Select(g => new TaskHolder(names(g.Key.DepartmentId, g.Key.UserId) ?? "—", g.Count(),
                g.Max(t => TaskViews.Days(t.CreatedAt, nowUtc)),
                (int)Math.Round(g.Average(t => (nowUtc - t.CreatedAt).TotalDays), MidpointRounding.AwayFromZero)))
            .OrderByDescending(h => h.Open).ThenByDescending(h => h.OldestDays).ThenBy(h => h.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>A department's or a person's name by id (null when neither is given: the deals' managers).</summary>
    public static async Task<Func<long?, long?, string?>> NamesAsync(ChatCrmDbContext db, IEnumerable<long?> departmentIds, IEnumerable<long?> userIds, CancellationToken ct)
    {
        var d = departmentIds.OfType<long>().Distinct().ToList();
        var u = userIds.OfType<long>().Distinct().ToList();
        var departments = d.Count == 0 ? [] : await db.Departments.Where(x => d.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var users = u.Count == 0 ? [] : await db.Users.Where(x => u.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.DisplayName, ct);
        return (department, user) => department is { } di ? departments.GetValueOrDefault(di)
            : user is { } ui ? users.GetValueOrDefault(ui)
            : null;
    }
}

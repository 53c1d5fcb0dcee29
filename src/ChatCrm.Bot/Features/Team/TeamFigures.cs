using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Team;

/// <summary>One manager's day and month, as /team and the board's Team view show them.</summary>
public sealed record ManagerDay(
    User Manager,
    int Done,
    int Planned,
    int Overdue,
    int Forgotten,
    int Moved,
    int Won,
    int Lost,
    int OpenDeals,
    decimal Pipeline,
    decimal WonThisMonth,
    decimal? Target,
    IReadOnlyDictionary<long, int> DailyNorms,
    IReadOnlyDictionary<long, int> WeeklyNorms,
    IReadOnlyDictionary<long, int> DoneTodayByType,
    IReadOnlyDictionary<long, int> DoneThisWeekByType);

/// <summary>The team's figures: each manager's, and the norms and work types they are measured by.</summary>
public sealed record TeamDay(DateTime LocalToday, IReadOnlyList<ManagerDay> Managers, NormBook Book, IReadOnlyList<WorkType> WorkTypes);

/// <summary>
/// Today and this month by manager: touches done vs planned, each work type against the manager's own norm for it (today
/// against the daily norms, the week against the weekly ones; see <see cref="NormBook"/>), overdue and forgotten, deals
/// moved, won and lost today, the open pipeline, and the month's won amount vs the target. Every figure is a SQL count or
/// sum grouped by manager, whatever the team's size.
/// </summary>
public static class TeamFigures
{
    public static async Task<TeamDay> LoadAsync(ChatCrmDbContext db, IReadOnlyList<User> managers, TimeZoneInfo zone, DateTime nowUtc, int forgottenDays,
        CancellationToken ct)
    {
        var ids = managers.Select(m => m.Id).ToList();
        var today = TimeZones.ToLocal(nowUtc, zone).Date;
        var date = DateOnly.FromDateTime(today);
        var (dayStart, dayEnd) = LocalCalendar.Day(date, zone);
        var weekStart = LocalCalendar.Week(date, zone).FromUtc;
        var monthStart = LocalCalendar.Month(date, zone).FromUtc;
        var forgottenBefore = nowUtc.AddDays(-forgottenDays);

        var done = await CountByAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Done
            && a.HappenedAt >= dayStart && a.HappenedAt < dayEnd).Select(a => a.UserId), ct);
        var planned = await CountByAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status != TouchStatus.Cancelled
            && a.PlannedFor >= dayStart && a.PlannedFor < dayEnd).Select(a => a.UserId), ct);
        var overdue = await CountByAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Planned
            && a.PlannedFor < nowUtc).Select(a => a.UserId), ct);
        var forgotten = await CountByAsync(db.Clients.Where(c => c.OwnerUserId != null && ids.Contains(c.OwnerUserId.Value)
            && (c.LastTouchAt ?? c.CreatedAt) < forgottenBefore
            && db.Deals.Any(d => d.ClientId == c.Id && d.Status == DealStatus.Open)).Select(c => c.OwnerUserId!.Value), ct);
        var moved = await CountByAsync(db.StageChanges.Where(s => ids.Contains(s.ByUserId) && s.Kind == StageChangeKind.Moved
            && s.At >= dayStart && s.At < dayEnd).Select(s => s.ByUserId), ct);
        var won = await CountByAsync(db.Deals.Where(d => ids.Contains(d.OwnerUserId) && d.Status == DealStatus.Won
            && d.ClosedAt >= dayStart && d.ClosedAt < dayEnd).Select(d => d.OwnerUserId), ct);
        var lost = await CountByAsync(db.Deals.Where(d => ids.Contains(d.OwnerUserId) && d.Status == DealStatus.Lost
            && d.ClosedAt >= dayStart && d.ClosedAt < dayEnd).Select(d => d.OwnerUserId), ct);
        var pipeline = await db.Deals.Where(d => ids.Contains(d.OwnerUserId) && d.Status == DealStatus.Open)
            .GroupBy(d => d.OwnerUserId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(d => d.Amount) }).ToDictionaryAsync(g => g.Key, ct);
        var wonAmount = await db.Deals.Where(d => ids.Contains(d.OwnerUserId) && d.Status == DealStatus.Won && d.ClosedAt >= monthStart)
            .GroupBy(d => d.OwnerUserId).Select(g => new { g.Key, Sum = g.Sum(d => d.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        var month = Target.MonthOf(today);
        var targets = await db.Targets.Where(t => t.Month == month && ids.Contains(t.UserId)).ToDictionaryAsync(t => t.UserId, t => t.Amount, ct);
        var book = await Norms.LoadAsync(db, ct);
        var workTypes = await db.WorkTypes.AsNoTracking().Where(w => !w.IsRetired).OrderBy(w => w.Id).ToListAsync(ct);
        var doneToday = book.IsEmpty ? [] : await CountByTypeAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Done
            && a.HappenedAt >= dayStart && a.HappenedAt < dayEnd), ct);
        var doneWeek = book.IsEmpty ? [] : await CountByTypeAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Done
            && a.HappenedAt >= weekStart && a.HappenedAt < dayEnd), ct);

        var days = managers.Select(m =>
        {
            var own = book.For(m.Id, m.DepartmentId);
            var open = pipeline.GetValueOrDefault(m.Id);
            return new ManagerDay(m, done.GetValueOrDefault(m.Id), planned.GetValueOrDefault(m.Id), overdue.GetValueOrDefault(m.Id),
                forgotten.GetValueOrDefault(m.Id), moved.GetValueOrDefault(m.Id), won.GetValueOrDefault(m.Id), lost.GetValueOrDefault(m.Id),
                open?.Count ?? 0, open?.Sum ?? 0m, wonAmount.GetValueOrDefault(m.Id), targets.TryGetValue(m.Id, out var target) ? target : null,
                own.Where(n => n.Period == NormPeriod.Day).ToDictionary(n => n.WorkTypeId, n => n.Count),
                own.Where(n => n.Period == NormPeriod.Week).ToDictionary(n => n.WorkTypeId, n => n.Count),
                ByType(doneToday, m.Id), ByType(doneWeek, m.Id));
        }).ToList();
        return new TeamDay(today, days, book, workTypes);
    }

    private static Dictionary<long, int> ByType(Dictionary<(long User, long WorkType), int> counts, long userId) =>
        counts.Where(c => c.Key.User == userId).ToDictionary(c => c.Key.WorkType, c => c.Value);

    private static async Task<Dictionary<(long User, long WorkType), int>> CountByTypeAsync(IQueryable<Touch> touches, CancellationToken ct) =>
        (await touches.GroupBy(a => new { a.UserId, a.WorkTypeId }).Select(g => new { g.Key.UserId, g.Key.WorkTypeId, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => (x.UserId, x.WorkTypeId), x => x.Count);

    private static Task<Dictionary<long, int>> CountByAsync(IQueryable<long> userIds, CancellationToken ct) =>
        userIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}

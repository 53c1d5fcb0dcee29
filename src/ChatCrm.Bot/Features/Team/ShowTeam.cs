using System.Text;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /team: today by manager — touches done vs planned vs the norm, overdue and forgotten, deals moved, won and
/// lost, and the month's won amount vs the target. Every figure is a SQL count or sum grouped by manager.
/// </summary>
internal sealed class ShowTeam(IOptions<CrmOptions> crm, CompanySettings settings) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var managers = await Colleagues.ManagersAsync(ctx, ct);
        if (managers.Count == 0)
        {
            ctx.Reply(ctx.T.NoActiveManagers());
            return;
        }

        var ids = managers.Select(m => m.Id).ToList();
        var today = ctx.LocalNow.Date;
        var date = DateOnly.FromDateTime(today);
        var (dayStart, dayEnd) = LocalCalendar.Day(date, ctx.Zone);
        var weekStart = LocalCalendar.Week(date, ctx.Zone).FromUtc;
        var monthStart = LocalCalendar.Month(date, ctx.Zone).FromUtc;
        var forgottenDays = await settings.GetForgottenAfterDaysAsync(ctx.Db, ct);
        var forgottenBefore = ctx.Now.AddDays(-forgottenDays);
        var db = ctx.Db;

        var done = await CountByAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Done
            && a.HappenedAt >= dayStart && a.HappenedAt < dayEnd).Select(a => a.UserId), ct);
        var planned = await CountByAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status != TouchStatus.Cancelled
            && a.PlannedFor >= dayStart && a.PlannedFor < dayEnd).Select(a => a.UserId), ct);
        var overdue = await CountByAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Planned
            && a.PlannedFor < ctx.Now).Select(a => a.UserId), ct);
        var forgotten = await CountByAsync(db.Clients.Where(c => c.OwnerUserId != null && ids.Contains(c.OwnerUserId.Value)
            && (c.LastTouchAt ?? c.CreatedAt) < forgottenBefore
            && db.Deals.Any(d => d.ClientId == c.Id && d.Status == DealStatus.Open)).Select(c => c.OwnerUserId!.Value), ct);
        var moved = await CountByAsync(db.StageChanges.Where(s => ids.Contains(s.ByUserId) && s.Kind == StageChangeKind.Moved
            && s.At >= dayStart && s.At < dayEnd).Select(s => s.ByUserId), ct);
        var won = await CountByAsync(db.Deals.Where(d => ids.Contains(d.OwnerUserId) && d.Status == DealStatus.Won
            && d.ClosedAt >= dayStart && d.ClosedAt < dayEnd).Select(d => d.OwnerUserId), ct);
        var lost = await CountByAsync(db.Deals.Where(d => ids.Contains(d.OwnerUserId) && d.Status == DealStatus.Lost
            && d.ClosedAt >= dayStart && d.ClosedAt < dayEnd).Select(d => d.OwnerUserId), ct);
        var wonAmount = await db.Deals.Where(d => ids.Contains(d.OwnerUserId) && d.Status == DealStatus.Won && d.ClosedAt >= monthStart)
            .GroupBy(d => d.OwnerUserId).Select(g => new { g.Key, Sum = g.Sum(d => d.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        var month = Target.MonthOf(today);
        var targets = await db.Targets.Where(t => t.Month == month && ids.Contains(t.UserId)).ToDictionaryAsync(t => t.UserId, t => t.Amount, ct);
        var norms = await db.Norms.Join(db.WorkTypes.Where(w => !w.IsRetired), n => n.WorkTypeId, w => w.Id, (n, w) => new { w.Name, n.Count, n.Period })
            .ToListAsync(ct);
        var dayNorm = norms.Where(n => n.Period == NormPeriod.Day).Sum(n => n.Count);
        var weekNorm = norms.Where(n => n.Period == NormPeriod.Week).Sum(n => n.Count);
        var weekDone = weekNorm == 0 ? [] : await CountByAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Done
            && a.HappenedAt >= weekStart && a.HappenedAt < dayEnd).Select(a => a.UserId), ct);

        var text = new StringBuilder(ctx.T.TeamHeader(today, managers.Count)).Append('\n').Append(norms.Count == 0
            ? ctx.T.TeamNoNorms()
            : ctx.T.TeamNormsLead + " " + string.Join(" · ", norms.OrderBy(n => n.Period).ThenBy(n => n.Name)
                .Select(n => ctx.T.NormItem(n.Name, n.Count, n.Period == NormPeriod.Week))));
        var currency = crm.Value.Currency;
        foreach (var m in managers)
        {
            text.Append("\n\n").Append(ctx.T.TeamLine(m.DisplayName, done.GetValueOrDefault(m.Id), planned.GetValueOrDefault(m.Id), dayNorm,
                overdue.GetValueOrDefault(m.Id), forgotten.GetValueOrDefault(m.Id), moved.GetValueOrDefault(m.Id),
                won.GetValueOrDefault(m.Id), lost.GetValueOrDefault(m.Id)));
            if (weekNorm > 0)
            {
                text.Append('\n').Append(ctx.T.TeamWeekLine(weekDone.GetValueOrDefault(m.Id), weekNorm));
            }

            var wonSum = wonAmount.GetValueOrDefault(m.Id);
            if (targets.TryGetValue(m.Id, out var target))
            {
                text.Append('\n').Append(ctx.T.TeamTargetLine(ctx.T.Money(wonSum, currency), ctx.T.Money(target, currency),
                    (int)Math.Round(wonSum * 100m / target)));
            }
            else if (wonSum > 0)
            {
                text.Append('\n').Append(ctx.T.TeamWonLine(ctx.T.Money(wonSum, currency)));
            }
        }

        ctx.Reply(new Reply(text.ToString(),
            [.. managers.Take(UserLookup.PickerSize).Select(m => Button.Callback($"📋 {m.DisplayName}", $"plans:{m.Id}")).Chunk(3).Select(r => (IReadOnlyList<Button>)r)]));
    }

    private static Task<Dictionary<long, int>> CountByAsync(IQueryable<long> userIds, CancellationToken ct) =>
        userIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}

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
/// /team: today by manager — touches done vs planned, each work type against the manager's own norm for it (today
/// against the daily norms, the week against the weekly ones; see <see cref="NormBook"/>), overdue and forgotten, deals
/// moved, won and lost, and the month's won amount vs the target. Every figure is a SQL count or sum grouped by manager;
/// a big team runs on over several messages.
/// </summary>
internal sealed class ShowTeam(IOptions<CrmOptions> crm, CompanySettings settings) : ICommandHandler
{
    /// <summary>Room for one message, under Telegram's 4096 characters with the HTML tags counted.</summary>
    private const int PageBudget = 3800;

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
        var book = await Norms.LoadAsync(db, ct);
        var workTypes = await db.WorkTypes.AsNoTracking().Where(w => !w.IsRetired).OrderBy(w => w.Id).ToListAsync(ct);
        var names = workTypes.ToDictionary(w => w.Id, w => ctx.Shown(w.Name));
        var company = book.Company.Where(n => names.ContainsKey(n.WorkTypeId)).ToList();
        var doneToday = book.IsEmpty ? [] : await CountByTypeAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Done
            && a.HappenedAt >= dayStart && a.HappenedAt < dayEnd), ct);
        var doneWeek = book.IsEmpty ? [] : await CountByTypeAsync(db.Touches.Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Done
            && a.HappenedAt >= weekStart && a.HappenedAt < dayEnd), ct);

        var header = new StringBuilder(ctx.T.TeamHeader(today, managers.Count)).Append('\n').Append(book.IsEmpty ? ctx.T.TeamNoNorms()
            : company.Count == 0 ? ctx.T.NormsOverridesHint
            : ctx.T.TeamNormsLead + " " + string.Join(" · ", company.OrderBy(n => n.Period).ThenBy(n => names[n.WorkTypeId])
                .Select(n => ctx.T.NormItem(names[n.WorkTypeId], n.Count, n.Period == NormPeriod.Week)))).ToString();
        var currency = crm.Value.Currency;
        var blocks = new List<string>();
        foreach (var m in managers)
        {
            var block = new StringBuilder(ctx.T.TeamLine(m.DisplayName, done.GetValueOrDefault(m.Id), planned.GetValueOrDefault(m.Id),
                overdue.GetValueOrDefault(m.Id), forgotten.GetValueOrDefault(m.Id), moved.GetValueOrDefault(m.Id),
                won.GetValueOrDefault(m.Id), lost.GetValueOrDefault(m.Id)));

            // Each work type against its own norm: today the daily norms, over the week the weekly ones.
            var own = book.For(m.Id, m.DepartmentId);
            var daily = own.Where(n => n.Period == NormPeriod.Day).ToDictionary(n => n.WorkTypeId, n => n.Count);
            var weekly = own.Where(n => n.Period == NormPeriod.Week).ToDictionary(n => n.WorkTypeId, n => n.Count);
            if (daily.Count > 0)
            {
                block.Append('\n').Append(ctx.T.TeamNormsToday).Append(' ')
                    .Append(Norms.Figures(ctx.T, workTypes, daily, w => doneToday.GetValueOrDefault((m.Id, w))));
            }

            if (weekly.Count > 0)
            {
                block.Append('\n').Append(ctx.T.TeamNormsWeek).Append(' ')
                    .Append(Norms.Figures(ctx.T, workTypes, weekly, w => doneWeek.GetValueOrDefault((m.Id, w))));
            }

            var wonSum = wonAmount.GetValueOrDefault(m.Id);
            if (targets.TryGetValue(m.Id, out var target))
            {
                block.Append('\n').Append(ctx.T.TeamTargetLine(ctx.T.Money(wonSum, currency), ctx.T.Money(target, currency),
                    (int)Math.Round(wonSum * 100m / target)));
            }
            else if (wonSum > 0)
            {
                block.Append('\n').Append(ctx.T.TeamWonLine(ctx.T.Money(wonSum, currency)));
            }

            blocks.Add(block.ToString());
        }

        // A big team does not fit one message: the managers run on over as many as needed, the buttons under the last.
        var pages = new List<StringBuilder> { new(header) };
        foreach (var block in blocks)
        {
            if (pages[^1].Length + block.Length + 2 > PageBudget)
            {
                pages.Add(new StringBuilder());
            }

            (pages[^1].Length == 0 ? pages[^1] : pages[^1].Append("\n\n")).Append(block);
        }

        foreach (var page in pages.SkipLast(1))
        {
            ctx.Reply(page.ToString());
        }

        ctx.Reply(new Reply(pages[^1].ToString(),
            [.. managers.Take(UserLookup.PickerSize).Select(m => Button.Callback($"📋 {m.DisplayName}", $"plans:{m.Id}")).Chunk(3).Select(r => (IReadOnlyList<Button>)r)]));
    }

    private static async Task<Dictionary<(long User, long WorkType), int>> CountByTypeAsync(IQueryable<Touch> touches, CancellationToken ct) =>
        (await touches.GroupBy(a => new { a.UserId, a.WorkTypeId }).Select(g => new { g.Key.UserId, g.Key.WorkTypeId, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => (x.UserId, x.WorkTypeId), x => x.Count);

    private static Task<Dictionary<long, int>> CountByAsync(IQueryable<long> userIds, CancellationToken ct) =>
        userIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Deals;
using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Digest;

/// <summary>The period a digest covers, in UTC; planned contacts are counted up to <see cref="PlanToUtc"/> (the day's end).</summary>
/// <remarks>The period compared with is the same span just before unless <see cref="PreviousFromUtc"/> and <see cref="PreviousToUtc"/> say otherwise (the monthly digest compares with the previous month).</remarks>
public sealed record DigestPeriod(DigestKind Kind, DateTime FromUtc, DateTime ToUtc, DateTime PlanToUtc, DateTime NowUtc, DateOnly LocalMonth,
    DateTime? PreviousFromUtc = null, DateTime? PreviousToUtc = null);

/// <summary>
/// Computes a digest with SQL-side aggregates only (GROUP BY / COUNT / SUM translated by EF, money summed as
/// minor units): the number of queries is fixed and no query loads rows per touch or per deal, so the cost
/// does not grow with the history. The few figures finished in memory work on grouped results (per stage,
/// per deal with an open invoice, per deal won in the period).
/// </summary>
public sealed class DigestQueries(ChatCrmDbContext db)
{
    public const int ExceptionLines = 5;
    public const int SkipLines = 10;

    public async Task<DigestData> BuildAsync(DigestPeriod p, int forgottenAfterDays, CancellationToken ct)
    {
        var (from, to, now) = (p.FromUtc, p.ToUtc, p.NowUtc);
        // The weekly and monthly digests compare with a period before: each history table is read once for both, over
        // [lo, to) less the gap between the two (a month compared with the same days of the last), the current period
        // told apart by "at or after from". The daily digest has no period before: lo = gapFrom = from.
        var compared = p.Kind != DigestKind.Daily;
        var lo = compared ? p.PreviousFromUtc ?? from - (to - from) : from;
        var gapFrom = compared ? p.PreviousToUtc ?? from : from;
        var managers = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role == Role.Manager)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).ToListAsync(ct);

        var touches = await db.Touches.Where(a => a.Status == TouchStatus.Done && a.HappenedAt >= lo && a.HappenedAt < to && (a.HappenedAt >= from || a.HappenedAt < gapFrom))
            .GroupBy(a => new { a.UserId, a.WorkTypeId, Current = a.HappenedAt >= from })
            .Select(g => new { g.Key.UserId, g.Key.WorkTypeId, g.Key.Current, N = g.Count() }).ToListAsync(ct);
        var done = touches.Where(t => t.Current).GroupBy(t => t.UserId).ToDictionary(g => g.Key, g => g.Sum(t => t.N));
        var planned = await Count(db.Touches.Where(a => a.Status != TouchStatus.Cancelled && a.PlannedFor >= from && a.PlannedFor < p.PlanToUtc)
            .GroupBy(a => a.UserId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct), x => x.Key, x => x.N);
        var openedRows = await db.Deals.Where(d => d.OpenedAt >= lo && d.OpenedAt < to && (d.OpenedAt >= from || d.OpenedAt < gapFrom))
            .GroupBy(d => new { d.OwnerUserId, Current = d.OpenedAt >= from }).Select(g => new { g.Key.OwnerUserId, g.Key.Current, N = g.Count() })
            .ToListAsync(ct);
        var opened = openedRows.Where(x => x.Current).ToDictionary(x => x.OwnerUserId, x => x.N);
        var changes = await db.StageChanges
            .Where(c => c.At >= from && c.At < to && (c.Kind == StageChangeKind.Moved || c.Kind == StageChangeKind.Won || c.Kind == StageChangeKind.Lost))
            .Join(db.Deals, c => c.DealId, d => d.Id, (c, d) => new { c.FromStageId, c.ToStageId, c.Kind, d.OwnerUserId })
            .GroupBy(x => new { x.OwnerUserId, x.FromStageId, x.ToStageId, x.Kind })
            .Select(g => new { g.Key.OwnerUserId, g.Key.FromStageId, g.Key.ToStageId, g.Key.Kind, N = g.Count() }).ToListAsync(ct);
        var moves = changes.Where(c => c.Kind == StageChangeKind.Moved).GroupBy(c => c.OwnerUserId).ToDictionary(g => g.Key, g => g.Sum(c => c.N));
        var closed = await db.Deals.Where(d => d.Status != DealStatus.Open && d.ClosedAt >= lo && d.ClosedAt < to && (d.ClosedAt >= from || d.ClosedAt < gapFrom))
            .GroupBy(d => new { d.OwnerUserId, d.Status, d.LostReasonId, Current = d.ClosedAt >= from })
            .Select(g => new { g.Key.OwnerUserId, g.Key.Status, g.Key.LostReasonId, g.Key.Current, N = g.Count(), Sum = g.Sum(d => d.Amount) })
            .ToListAsync(ct);
        var won = closed.Where(c => c.Current && c.Status == DealStatus.Won).GroupBy(c => c.OwnerUserId)
            .ToDictionary(g => g.Key, g => (N: g.Sum(c => c.N), Sum: g.Sum(c => c.Sum)));
        var lostReasons = closed.Where(c => c.Current && c.Status == DealStatus.Lost).ToList();
        var reasonNames = await db.LostReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var payments = await db.Obligations.Where(o => o.Kind == ObligationKind.Payment && o.At >= lo && o.At < to && (o.At >= from || o.At < gapFrom))
            .Join(db.Deals, o => o.DealId, d => d.Id, (o, d) => new { d.OwnerUserId, o.Amount, Current = o.At >= from })
            .GroupBy(x => new { x.OwnerUserId, x.Current }).Select(g => new { g.Key.OwnerUserId, g.Key.Current, Sum = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var paid = payments.Where(x => x.Current).ToDictionary(x => x.OwnerUserId, x => x.Sum ?? 0);
        var forgottenRules = await ForgottenClients.LoadAsync(db, now, forgottenAfterDays, ct);
        var forgotten = await Count(forgottenRules.Query(db).GroupBy(c => c.OwnerUserId!.Value)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct), x => x.Key, x => x.N);
        var overdue = await Count(db.Touches.Where(a => a.Status == TouchStatus.Planned && a.PlannedFor < now)
            .GroupBy(a => a.UserId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct), x => x.Key, x => x.N);

        var lines = managers.Select(m => new ManagerFigures(m.Id, m.DisplayName,
            done.GetValueOrDefault(m.Id), planned.GetValueOrDefault(m.Id), opened.GetValueOrDefault(m.Id), moves.GetValueOrDefault(m.Id),
            won.TryGetValue(m.Id, out var w) ? w.N : 0, w.Sum,
            lostReasons.Where(l => l.OwnerUserId == m.Id).Sum(l => l.N),
            lostReasons.Where(l => l.OwnerUserId == m.Id).GroupBy(l => l.LostReasonId).Select(g => (Reason: g.Key, N: g.Sum(l => l.N))).OrderByDescending(l => l.N)
                .Select(l => (l.Reason is { } r ? reasonNames.GetValueOrDefault(r, "?") : "?", l.N)).ToList(),
            paid.GetValueOrDefault(m.Id), forgotten.GetValueOrDefault(m.Id), overdue.GetValueOrDefault(m.Id))).ToList();

        var wins = compared ? await WinSpansAsync(lo, to, from, gapFrom, ct) : [];
        PeriodTotals Totals(bool current) => new(
            touches.Where(t => t.Current == current).Sum(t => t.N),
            openedRows.Where(x => x.Current == current).Sum(x => x.N),
            closed.Where(c => c.Current == current && c.Status == DealStatus.Won).Sum(c => c.N),
            closed.Where(c => c.Current == current && c.Status == DealStatus.Won).Sum(c => c.Sum),
            closed.Where(c => c.Current == current && c.Status == DealStatus.Lost).Sum(c => c.N),
            payments.Where(x => x.Current == current).Sum(x => x.Sum ?? 0),
            compared ? AverageDays(wins.Where(s => s.ClosedAt >= from == current)) : null);

        var book = await Norms.LoadAsync(db, ct);
        var norms = new Dictionary<long, IReadOnlyList<NormProgress>>();
        if (!book.IsEmpty)
        {
            var byType = touches.Where(t => t.Current).ToDictionary(t => (t.UserId, t.WorkTypeId), t => t.N);
            var types = await db.WorkTypes.AsNoTracking().Where(w => !w.IsRetired).OrderBy(w => w.Id).ToListAsync(ct);
            var days = (to - from).TotalDays;
            foreach (var m in managers)
            {
                var expected = book.Expected(m.Id, m.DepartmentId, n => Expected(n, p.Kind, days));
                norms[m.Id] = types.Where(w => expected.ContainsKey(w.Id))
                    .Select(w => new NormProgress(w.Code, w.Name, byType.GetValueOrDefault((m.Id, w.Id)), expected[w.Id])).ToList();
            }
        }

        var stages = await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var open = await db.Deals.Where(d => d.Status == DealStatus.Open)
            .GroupBy(d => d.StageId).Select(g => new { g.Key, N = g.Count(), Sum = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(x => x.Key, x => (x.N, x.Sum), ct);
        return new DigestData(p.Kind, from, to, now, norms, lines,
            await LostAsync(from, to, ct), await RottingAsync(now, ct), Totals(current: true), planned.Values.Sum(),
            compared ? await WeeklyAsync(p, Totals(current: false), Conversion(stages, changes.Select(c => (c.FromStageId, c.ToStageId, c.Kind, c.N))), stages, open, ct) : null,
            await FunnelAsync(open, ct), await TaskHolders.ForDigestAsync(db, now, ct))
        {
            Skips = p.Kind == DigestKind.Weekly ? await SkipsAsync(from, to, ct) : [],
        };
    }

    /// <summary>The week's confirmed skips of required scenario steps, latest first (at most <see cref="SkipLines"/>).</summary>
    private async Task<IReadOnlyList<SkippedSteps>> SkipsAsync(DateTime from, DateTime to, CancellationToken ct) =>
        (await db.ScenarioSkips.AsNoTracking().Where(s => s.At >= from && s.At < to)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Take(SkipLines)
            .Join(db.Deals, s => s.DealId, d => d.Id, (s, d) => new { s, d.Title })
            .Join(db.Users, x => x.s.ByUserId, u => u.Id, (x, u) => new { x.s.Id, x.s.At, x.s.DealId, x.Title, x.s.StageName, x.s.Steps, Who = u.DisplayName })
            .ToListAsync(ct))
        .OrderByDescending(x => x.At).ThenByDescending(x => x.Id)
        .Select(x => new SkippedSteps(x.DealId, x.Title, x.StageName, x.Steps, x.Who)).ToList();

    /// <summary>One norm over the digest's period: a day asks a daily norm or a fifth of a weekly one, a week five days'
    /// worth or the weekly norm, a month so far the week's worth per seven of its days.</summary>
    private static int Expected(TouchNorm norm, DigestKind kind, double days)
    {
        var week = norm.Period == NormPeriod.Day ? norm.Count * 5 : norm.Count;
        return kind switch
        {
            DigestKind.Weekly => week,
            DigestKind.Monthly => (int)Math.Round(week * days / 7, MidpointRounding.AwayFromZero),
            _ => NormBook.PerDay(norm),
        };
    }

    private async Task<IReadOnlyList<LostDeal>> LostAsync(DateTime from, DateTime to, CancellationToken ct) =>
        (await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Lost && d.ClosedAt >= from && d.ClosedAt < to)
            .OrderByDescending(d => d.Amount).Take(ExceptionLines)
            .Join(db.Users, d => d.OwnerUserId, u => u.Id, (d, u) => new { d, Manager = u.DisplayName })
            .Select(x => new
            {
                x.d.Id,
                x.d.Title,
                x.Manager,
                x.d.Amount,
                Reason = db.LostReasons.Where(r => r.Id == x.d.LostReasonId).Select(r => r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct))
        .OrderByDescending(x => x.Amount).Select(x => new LostDeal(x.Id, x.Title, x.Manager, x.Amount, x.Reason ?? "?")).ToList();

    private async Task<IReadOnlyList<RottingDeal>> RottingAsync(DateTime now, CancellationToken ct)
    {
        var stuck = await StuckDeals.PredicateAsync(db, now, ct);
        var rows = await db.Deals.AsNoTracking().Where(stuck).OrderByDescending(d => d.Amount).Take(ExceptionLines)
            .Join(db.Users, d => d.OwnerUserId, u => u.Id, (d, u) => new { d, Manager = u.DisplayName })
            .Join(db.Stages, x => x.d.StageId, s => s.Id, (x, s) => new
            {
                x.d.Id, x.d.Title, x.Manager, x.d.Amount, Stage = s.Name, x.d.StageEnteredAt, s.OwnerDepartmentId, s.OwnerUserId, s.DaysAllowed,
            })
            .ToListAsync(ct);

        // A deal stuck at a stage a department or person owns is stuck with them: its days count against them.
        var holders = await TaskHolders.NamesAsync(db, rows.Select(x => x.OwnerDepartmentId), rows.Select(x => x.OwnerUserId), ct);
        return rows.OrderByDescending(x => x.Amount)
            .Select(x => new RottingDeal(x.Id, x.Title, x.Manager, x.Amount, x.Stage, x.StageEnteredAt,
                holders(x.OwnerDepartmentId, x.OwnerUserId), x.DaysAllowed ?? 0)).ToList();
    }

    private async Task<WeeklyFigures> WeeklyAsync(DigestPeriod p, PeriodTotals previous, IReadOnlyList<StageConversion> conversion,
        Dictionary<long, Stage> stages, Dictionary<long, (int N, decimal Sum)> open, CancellationToken ct)
    {
        var weighted = open.Sum(s => s.Value.Sum * (stages.TryGetValue(s.Key, out var st) ? st.Probability : 0) / 100m);
        var month = Target.MonthOf(p.LocalMonth.ToDateTime(TimeOnly.MinValue));
        var target = await db.Targets.Where(t => t.Month == month).SumAsync(t => t.Amount, ct);

        var (receivables, overdueCount, overdueSum) = await ReceivablesAsync(p.NowUtc, ct);

        return new WeeklyFigures(previous, conversion, weighted, target, receivables, overdueCount, overdueSum);
    }

    /// <summary>
    /// Of the deals that left each stage in the period (moved on or back, won, lost), how many went forward: won, or
    /// moved to a later stage.
    /// </summary>
    private static List<StageConversion> Conversion(Dictionary<long, Stage> stages, IEnumerable<(long? From, long? To, StageChangeKind Kind, int N)> changes) =>
        changes.Where(c => c.From is not null).GroupBy(c => c.From!.Value)
            .Where(g => stages.ContainsKey(g.Key))
            .Select(g => (Stage: stages[g.Key], Exits: g.Sum(e => e.N), Forward: g.Where(e => e.Kind == StageChangeKind.Won
                || (e.Kind == StageChangeKind.Moved && e.To is { } next && stages.TryGetValue(next, out var to) && to.Position > stages[g.Key].Position)).Sum(e => e.N)))
            .OrderBy(x => x.Stage.CycleId).ThenBy(x => x.Stage.Position)
            .Select(x => new StageConversion(x.Stage.Name, x.Exits, x.Forward)).ToList();

    /// <summary>
    /// What clients owe and what of it is overdue, with part payments counted: a deal's payments cover its expected
    /// payments earliest due first (as <see cref="Obligation.Settle"/> does), so the overdue ones, being the earliest,
    /// are covered first. Per deal, owed = MAX(0, expected − paid) and overdue = MAX(0, expected due before now − paid);
    /// both are summed over a per-deal aggregate in SQL. The count is of the overdue invoices not covered in full.
    /// </summary>
    private async Task<(decimal Owed, int OverdueCount, decimal Overdue)> ReceivablesAsync(DateTime now, CancellationToken ct)
    {
        var perDeal = db.Obligations
            .Where(o => o.Kind == ObligationKind.ExpectedPayment || o.Kind == ObligationKind.Payment)
            .GroupBy(o => o.DealId)
            .Select(g => new
            {
                Expected = g.Sum(o => o.Kind == ObligationKind.ExpectedPayment ? o.Amount : 0) ?? 0,
                Late = g.Sum(o => o.Kind == ObligationKind.ExpectedPayment && o.DueAt < now ? o.Amount : 0) ?? 0,
                Paid = g.Sum(o => o.Kind == ObligationKind.Payment ? o.Amount : 0) ?? 0,
            });
        // Both sums in one read: grouped by a constant, the one row (none without invoices) holds them.
        var sums = await perDeal.GroupBy(_ => 1).Select(g => new
        {
            Owed = g.Sum(d => d.Expected > d.Paid ? d.Expected - d.Paid : 0),
            Overdue = g.Sum(d => d.Late > d.Paid ? d.Late - d.Paid : 0),
        }).ToListAsync(ct);
        var (owed, overdue) = sums.Count == 0 ? (0m, 0m) : (sums[0].Owed, sums[0].Overdue);
        var overdueCount = await db.Obligations
            .CountAsync(o => o.Kind == ObligationKind.ExpectedPayment && !o.IsSettled && o.DueAt < now, ct);
        return (owed, overdueCount, overdue);
    }

    /// <summary>
    /// The two dates of each deal won in either period, for the average days from opening to winning. EF has no
    /// portable date difference for SQLite and PostgreSQL alike, so they come back (bounded by the wins, not the
    /// history) and are averaged here.
    /// </summary>
    private async Task<List<(DateTime OpenedAt, DateTime ClosedAt)>> WinSpansAsync(DateTime lo, DateTime to, DateTime from, DateTime gapFrom, CancellationToken ct) =>
        (await db.Deals.Where(d => d.Status == DealStatus.Won && d.ClosedAt >= lo && d.ClosedAt < to && (d.ClosedAt >= from || d.ClosedAt < gapFrom))
            .Select(d => new { d.OpenedAt, ClosedAt = d.ClosedAt!.Value }).ToListAsync(ct))
        .Select(d => (d.OpenedAt, d.ClosedAt)).ToList();

    private static double? AverageDays(IEnumerable<(DateTime OpenedAt, DateTime ClosedAt)> wins)
    {
        var spans = wins.ToList();
        return spans.Count == 0 ? null : Math.Round(spans.Average(s => (s.ClosedAt - s.OpenedAt).TotalDays), 1);
    }

    /// <summary>Open deals per stage of the live cycles, in pipeline order, empty stages of the default cycle included.</summary>
    private async Task<IReadOnlyList<FunnelStage>> FunnelAsync(Dictionary<long, (int N, decimal Sum)> open, CancellationToken ct)
    {
        var stages = await db.Stages.AsNoTracking()
            .Join(db.Cycles, s => s.CycleId, c => c.Id, (s, c) => new { Stage = s, c.IsDefault })
            .Where(x => !x.Stage.IsRetired || open.Keys.Contains(x.Stage.Id))
            .OrderByDescending(x => x.IsDefault).ThenBy(x => x.Stage.CycleId).ThenBy(x => x.Stage.Position)
            .ToListAsync(ct);
        return stages.Where(x => x.IsDefault || open.ContainsKey(x.Stage.Id))
            .Select(x => new FunnelStage(x.Stage.Name, open.TryGetValue(x.Stage.Id, out var o) ? o.N : 0, o.Sum)).ToList();
    }

    private static async Task<Dictionary<long, int>> Count<T>(Task<List<T>> rows, Func<T, long> key, Func<T, int> n) =>
        (await rows).ToDictionary(key, n);
}

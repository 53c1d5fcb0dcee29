using System.Linq.Expressions;
using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs;

/// <summary>What every morning round of one tick shares: the time, the rules, the catalog names.</summary>
public sealed record RoundRules(
    DateTime NowUtc,
    ScheduleSettings Settings,
    ForgottenClients Forgotten,
    Expression<Func<Deal, bool>> Stuck,
    IReadOnlyDictionary<long, string> WorkTypes,
    NormBook Norms);

/// <summary>
/// One manager's morning: the plan (today's contacts, overdue ones, forgotten clients, stuck deals, today's
/// norm) and a nudge for each of the longest-forgotten clients, written together under `plan:{user}:{date}`.
/// </summary>
public sealed class MorningRound(ChatCrmDbContext db, ScheduledOutbox outbox, DatabaseOutage outage, ILogger<MorningRound> log)
{
    /// <summary>People whose plans are written in one transaction (see <see cref="RunBatchAsync"/>).</summary>
    public const int PerBatch = 200;

    public const int Listed = 10;
    public const int ButtonRows = 8;
    public const int NudgesPerDay = 5;
    private const int ButtonLabel = 28;

    public static string PlanKey(long userId, DateOnly date) => $"plan:{userId}:{Due.Key(date)}";

    public static string NudgeKey(long clientId, DateOnly date) => $"nudge:{clientId}:{Due.Key(date)}";

    /// <summary>
    /// The plans of a batch of people, in the order given (the order they are sent in), written in one transaction;
    /// those whose plan for today is already written are skipped. Heads and admins get a plan only when they work
    /// clients themselves; staff of other departments get theirs for their own norms. When the batch cannot be written
    /// whole (another run wrote one of its keys first, or one person's plan fails), each person is written on their own,
    /// so one failure costs nobody else their plan. Returns how many plans were written.
    /// </summary>
    public async Task<int> RunBatchAsync(IReadOnlyList<Recipient> batch, RoundRules rules, CancellationToken ct)
    {
        var sent = await outbox.SentAsync(batch.Select(r => PlanKey(r.Id, r.Today)).ToList(), ct);
        var others = batch.Where(r => r.User.Role != Role.Manager).Select(r => r.Id).ToList();
        var working = others.Count == 0
            ? []
            : (await db.Clients.Where(c => c.OwnerUserId != null && others.Contains(c.OwnerUserId.Value)).Select(c => c.OwnerUserId!.Value)
                .Distinct().ToListAsync(ct)).ToHashSet();
        var owed = batch.Where(r => !sent.Contains(PlanKey(r.Id, r.Today)) && (r.User.Role == Role.Manager || working.Contains(r.Id))).ToList();
        if (owed.Count == 0)
        {
            return 0;
        }

        try
        {
            var known = await PrefetchAsync(owed, ct);
            foreach (var r in owed)
            {
                await ComposeAsync(r, rules, known[r.Id], ct);
            }

            if (await outbox.CommitAsync(ct))
            {
                return owed.Count;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            if (outage.Failed("scheduler", e))
            {
                // The database is away: one by one would fail too. The next tick writes the batch.
                throw;
            }

            log.LogWarning(e, "A batch of {Count} morning plans failed; writing them one by one", owed.Count);
        }

        var written = 0;
        foreach (var r in owed)
        {
            try
            {
                written += await RunAsync(r, rules, ct) ? 1 : 0;
            }
            catch (Exception e) when ((e is not OperationCanceledException || !ct.IsCancellationRequested) && !outage.Failed("scheduler", e))
            {
                db.ChangeTracker.Clear();
                log.LogError(e, "Morning plan of user {User} failed; it is retried on the next tick", r.Id);
            }
        }

        return written;
    }

    /// <summary>True when the plan was written now; false when it had been already.</summary>
    public async Task<bool> RunAsync(Recipient r, RoundRules rules, CancellationToken ct)
    {
        if (await outbox.SentAsync(PlanKey(r.Id, r.Today), ct))
        {
            return false;
        }

        await ComposeAsync(r, rules, null, ct);
        return await outbox.CommitAsync(ct);
    }

    /// <summary>What a batch's set-based queries already tell about one person: whether a query can find anything.</summary>
    private sealed record Known(int Today, int Overdue, bool HasDeals);

    /// <summary>
    /// Three queries for a whole batch: each person's planned contacts for today and overdue (counted per zone, whose
    /// day they are), and who owns any deal at all. The per-person queries then run only where there is something to
    /// list: in a big company most people's morning has a few contacts and no forgotten client or stuck deal.
    /// </summary>
    private async Task<Dictionary<long, Known>> PrefetchAsync(List<Recipient> people, CancellationToken ct)
    {
        var ids = people.Select(r => r.Id).ToList();
        var dealers = (await db.Deals.Where(d => ids.Contains(d.OwnerUserId)).Select(d => d.OwnerUserId)
            .Distinct().ToListAsync(ct)).ToHashSet();
        var counts = new Dictionary<long, (int Today, int Overdue)>();
        foreach (var day in people.GroupBy(r => LocalCalendar.Day(r.Today, r.Zone)))
        {
            var (dayStart, dayEnd) = day.Key;
            var users = day.Select(r => r.Id).ToList();
            var rows = await db.Touches.Where(a => users.Contains(a.UserId) && a.Status == TouchStatus.Planned && a.PlannedFor < dayEnd)
                .GroupBy(a => a.UserId)
                .Select(g => new { g.Key, Today = g.Count(a => a.PlannedFor >= dayStart), Overdue = g.Count(a => a.PlannedFor < dayStart) })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                counts[row.Key] = (row.Today, row.Overdue);
            }
        }

        return people.ToDictionary(r => r.Id, r =>
        {
            var (today, overdue) = counts.GetValueOrDefault(r.Id);
            return new Known(today, overdue, dealers.Contains(r.Id));
        });
    }

    /// <summary>Stages one person's plan and nudges (not committed).</summary>
    private async Task ComposeAsync(Recipient r, RoundRules rules, Known? known, CancellationToken ct)
    {
        var key = PlanKey(r.Id, r.Today);

        var (dayStart, dayEnd) = LocalCalendar.Day(r.Today, r.Zone);
        var planned = db.Touches.AsNoTracking().Where(a => a.UserId == r.Id && a.Status == TouchStatus.Planned);
        var today = planned.Where(a => a.PlannedFor >= dayStart && a.PlannedFor < dayEnd);
        var overdue = planned.Where(a => a.PlannedFor < dayStart);
        var todayCount = known?.Today ?? await today.CountAsync(ct);
        var overdueCount = known?.Overdue ?? await overdue.CountAsync(ct);
        List<Item> todayItems = todayCount == 0 ? [] : await Items(today.OrderBy(a => a.PlannedFor), ct);
        List<Item> overdueItems = overdueCount == 0 ? [] : await Items(overdue.OrderByDescending(a => a.PlannedFor), ct);

        // Forgotten clients are driven by their owner's open deals, stuck deals are deals: without any deal, neither.
        var hasDeals = known?.HasDeals ?? true;
        var forgottenQuery = rules.Forgotten.Of(db, r.Id);
        List<Client> forgotten = hasDeals ? await forgottenQuery.AsNoTracking().OrderBy(c => c.LastTouchAt ?? c.CreatedAt).Take(Listed).ToListAsync(ct) : [];
        var forgottenCount = forgotten.Count < Listed ? forgotten.Count : await forgottenQuery.CountAsync(ct);

        var stuckQuery = db.Deals.Where(d => d.OwnerUserId == r.Id).Where(rules.Stuck);
        List<StuckLine> stuck = hasDeals
            ? await stuckQuery.OrderBy(d => d.StageEnteredAt).Take(Listed)
                .Join(db.Stages, d => d.StageId, s => s.Id, (d, s) => new StuckLine(d.Id, d.Title, s.Name, d.StageEnteredAt, s.DaysAllowed ?? 0, s.OwnerDepartmentId, s.OwnerUserId))
                .ToListAsync(ct)
            : [];
        var holders = await TaskHolders.NamesAsync(db, stuck.Select(d => d.OwnerDepartmentId), stuck.Select(d => d.OwnerUserId), ct);
        var stuckCount = stuck.Count < Listed ? stuck.Count : await stuckQuery.CountAsync(ct);

        var t = r.T;
        var text = new StringBuilder(t.PlanHeader(r.Local));
        var buttons = new List<IReadOnlyList<Button>>();
        if (todayCount + overdueCount + forgottenCount + stuckCount == 0)
        {
            text.Append("\n\n").Append(t.PlanNothing());
        }

        Section(text, todayCount, t.PlanToday(todayCount), todayItems.Select(i => t.PlanContactLine(r.ToLocal(i.At), i.Client, Name(rules, i.WorkTypeId), i.Note)), t);
        Section(text, overdueCount, t.PlanOverdue(overdueCount), overdueItems.Select(i => t.PlanOverdueLine(r.ToLocal(i.At), i.Client, Name(rules, i.WorkTypeId))), t);
        Section(text, forgottenCount, t.PlanForgotten(forgottenCount), forgotten.Select(c => t.PlanForgottenLine(c.Name, ForgottenClients.DaysSince(c, rules.NowUtc))), t);
        Section(text, stuckCount, t.PlanStuck(stuckCount),
            stuck.Select(d => t.PlanStuckLine((int)d.Id, d.Title, d.Stage, (int)(rules.NowUtc - d.StageEnteredAt).TotalDays, d.Allowed)
                + (holders(d.OwnerDepartmentId, d.OwnerUserId) is { } holder ? t.PlanStuckHeldBy(holder) : "")), t);
        AppendNorm(text, rules, r, t);

        foreach (var item in todayItems.Concat(overdueItems).Take(ButtonRows))
        {
            buttons.Add([
                Button.Callback("✅ " + Short(item.Client), MarkContactDone.Data(item.Id, fromPlan: true)),
                Button.Callback("⏰ " + t.TomorrowButton, PostponeContact.Data(item.Id, PostponeContact.ByADay, fromPlan: true)),
            ]);
        }

        // Useful while the morning lasts (the window the plan is written in); after it the plan is expired unsent.
        var until = Due.WindowEndsUtc(r.Today, rules.Settings.MorningPlanAt, Due.MorningEnds, r.Zone);
        outbox.Message(r.ChatId, new Reply(text.ToString(), buttons), key, until);
        await NudgeAsync(r, rules, forgotten, until, ct);
    }

    /// <summary>A nudge a day for each of the longest-forgotten clients, remembering the streak for escalation.</summary>
    private async Task NudgeAsync(Recipient r, RoundRules rules, List<Client> forgotten, DateTime untilUtc, CancellationToken ct)
    {
        var candidates = forgotten.Take(NudgesPerDay).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var sent = await outbox.SentAsync(candidates.Select(c => NudgeKey(c.Id, r.Today)).ToList(), ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var streaks = await db.ClientNudges.Where(n => ids.Contains(n.ClientId)).ToDictionaryAsync(n => n.ClientId, ct);
        foreach (var client in candidates.Where(c => !sent.Contains(NudgeKey(c.Id, r.Today))))
        {
            var deal = await db.Deals.AsNoTracking().Where(d => d.ClientId == client.Id && d.Status == DealStatus.Open)
                .OrderByDescending(d => d.Amount)
                .Join(db.Stages, d => d.StageId, s => s.Id, (d, s) => new { d.Id, d.Title, d.Amount, Stage = s.Name })
                .FirstOrDefaultAsync(ct);
            if (deal is null)
            {
                continue;
            }

            var text = r.T.Nudge(client.Name, ForgottenClients.DaysSince(client, rules.NowUtc), (int)deal.Id, deal.Title, deal.Amount, deal.Stage);
            outbox.Message(r.ChatId, new Reply(text, NudgeButtons.For(r.T, client.Id)), NudgeKey(client.Id, r.Today), untilUtc);
            if (streaks.TryGetValue(client.Id, out var streak))
            {
                streak.Nudged(r.Id, client.LastTouchAt, rules.NowUtc);
            }
            else
            {
                db.ClientNudges.Add(ClientNudge.Start(client.Id, r.Id, rules.NowUtc));
            }
        }
    }

    private sealed record Item(long Id, DateTime At, string Client, long WorkTypeId, string Note);

    private sealed record StuckLine(long Id, string Title, string Stage, DateTime StageEnteredAt, int Allowed, long? OwnerDepartmentId, long? OwnerUserId);

    private Task<List<Item>> Items(IQueryable<Touch> touches, CancellationToken ct) =>
        touches.Take(Listed)
            .Join(db.Clients, a => a.ClientId, c => c.Id, (a, c) => new Item(a.Id, a.PlannedFor!.Value, c.Name, a.WorkTypeId, a.Note))
            .ToListAsync(ct);

    private static void Section(StringBuilder text, int count, string header, IEnumerable<string> lines, Texts t)
    {
        if (count == 0)
        {
            return;
        }

        text.Append("\n\n").Append(header);
        var shown = 0;
        foreach (var line in lines)
        {
            text.Append('\n').Append(line);
            shown++;
        }

        if (count > shown)
        {
            text.Append('\n').Append(t.PlanAndMore(count - shown));
        }
    }

    /// <summary>Today's norm of this person, work type by work type (theirs, their department's or the company's).</summary>
    private static void AppendNorm(StringBuilder text, RoundRules rules, Recipient r, Texts t)
    {
        var items = rules.Norms.Expected(r.Id, r.User.DepartmentId, NormBook.PerDay)
            .Where(n => n.Value > 0 && rules.WorkTypes.ContainsKey(n.Key)).OrderBy(n => n.Key)
            .Select(n => t.PlanNormItem(BuiltInNames.Show(Name(rules, n.Key), t.Language), n.Value)).ToList();
        if (items.Count > 0)
        {
            text.Append("\n\n").Append(t.PlanNorm).Append(' ').Append(string.Join(", ", items));
        }
    }

    private static string Name(RoundRules rules, long workTypeId) => rules.WorkTypes.GetValueOrDefault(workTypeId, "");

    private static string Short(string name) => name.Length <= ButtonLabel ? name : name[..(ButtonLabel - 1)] + "…";
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Deals;
using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs;

/// <summary>What one tick wrote, for logs and tests.</summary>
public sealed record TickResult(int Plans, int Reminders, int Obligations, int Escalations, int Digests)
{
    public int Total => Plans + Reminders + Obligations + Escalations + Digests;
}

/// <summary>
/// One beat of the scheduler: works out from the data what is due right now for each person, in their own
/// zone, and writes it to the outbox under de-duplication keys. Safe to run any number of times for the same
/// moment (a repeat writes nothing), so the Quartz job calls it every minute and tests call it directly with
/// whatever time they like.
/// </summary>
public sealed class SchedulerTick(
    ChatCrmDbContext db,
    IScheduleSettings settings,
    MorningRound mornings,
    ContactReminders reminders,
    ObligationAlerts obligations,
    Escalations escalations,
    DigestRound digests,
    Housekeeping housekeeping,
    DatabaseOutage outage,
    ILogger<SchedulerTick> log)
{
    public async Task<TickResult> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        var everyone = (await db.Users.AsNoTracking().Where(u => u.IsActive && !u.BlockedBot).ToListAsync(ct))
            .Select(u => Recipient.For(u, nowUtc, s.DefaultLanguage)).ToDictionary(r => r.Id);
        var workTypes = await db.WorkTypes.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);

        // A reminder was asked for by planning the contact, so it goes even on someone's first day.
        var reminded = await Safely("reminders", () => reminders.RunAsync(nowUtc, everyone, workTypes, ct), ct);

        var joined = everyone.Values.Where(r => r.JoinedBeforeToday).ToList();
        var plans = await MorningsAsync(nowUtc, s, joined, workTypes, ct);

        var atWork = joined.Where(r => Due.IsWorkingDay(r.Local) && Due.InWindow(r.Local, s.MorningPlanAt, Due.WorkdayEnds, r.User.Quiet))
            .ToDictionary(r => r.Id);
        var headsAtWork = atWork.Values.Where(IsHead).ToList();
        var owed = await Safely("obligations", () => obligations.RunAsync(nowUtc, atWork, headsAtWork, ct), ct);
        var escalated = await Safely("escalations", () => escalations.RunAsync(nowUtc, headsAtWork, workTypes, ct), ct);
        var digested = await Safely("digests", () => digests.RunAsync(nowUtc, joined.Where(IsHead).ToList(), s, ct), ct);

        var forgotten = await Safely("housekeeping", () => housekeeping.RunAsync(nowUtc, ct), ct);
        if (forgotten > 0)
        {
            log.LogInformation("Housekeeping removed {Rows} old processed-update markers and outbox rows", forgotten);
        }

        var result = new TickResult(plans, reminded, owed, escalated, digested);
        if (result.Total > 0)
        {
            log.LogInformation("Scheduler wrote {Plans} plans, {Reminders} reminders, {Obligations} obligation alerts, {Escalations} escalations, {Digests} digests",
                result.Plans, result.Reminders, result.Obligations, result.Escalations, result.Digests);
        }

        return result;
    }

    private static bool IsHead(Recipient r) => r.User.Role.Includes(Role.Head);

    /// <summary>
    /// The morning plans owed now, in the order they fell due — earlier zones and earlier mornings (someone's quiet hours
    /// end later) first, then by person — composed <see cref="MorningRound.PerBatch"/> people to a transaction: the first
    /// plans are on their way while the rest are composed, and a stop between batches loses nothing (what was committed
    /// is skipped by its key on the next tick) and doubles nothing.
    /// </summary>
    private async Task<int> MorningsAsync(DateTime nowUtc, ScheduleSettings s, List<Recipient> joined, IReadOnlyDictionary<long, string> workTypes, CancellationToken ct)
    {
        var due = joined.Where(r => Due.IsWorkingDay(r.Local) && Due.InWindow(r.Local, s.MorningPlanAt, Due.MorningEnds, r.User.Quiet))
            .OrderBy(r => Due.OpenedUtc(r.Today, s.MorningPlanAt, r.User.Quiet, r.Zone)).ThenBy(r => r.Id)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var rules = new RoundRules(nowUtc, s,
            await ForgottenClients.LoadAsync(db, nowUtc, s.ForgottenAfterDays, ct),
            await StuckDeals.PredicateAsync(db, nowUtc, ct),
            workTypes,
            await Norms.LoadAsync(db, ct));
        var written = 0;
        foreach (var batch in due.Chunk(MorningRound.PerBatch))
        {
            ct.ThrowIfCancellationRequested();
            written += await Safely($"morning plans of {batch.Length} people", () => mornings.RunBatchAsync(batch, rules, ct), ct);
        }

        return written;
    }

    /// <summary>One person's or one kind's failure must not cost everybody else their messages; the next tick retries.</summary>
    private async Task<int> Safely(string what, Func<Task<int>> work, CancellationToken ct)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            if (!outage.Failed("scheduler", e))
            {
                log.LogError(e, "Scheduler: {What} failed; it is retried on the next tick", what);
            }

            return 0;
        }
    }
}

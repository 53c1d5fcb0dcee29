using Quartz;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// States the heartbeat's trigger at start, before the scheduler runs, and touches a stored one only when its schedule
/// changed. Replacing it on every start (Quartz's <c>OverwriteExistingData</c>) gave the stored trigger a next beat
/// worked out by the starting instance: in a cluster that can be a second another instance has already beaten, which
/// then ran twice, or one that was lost. Now a restart or a second instance leaves the running schedule alone, and a
/// new <c>Schedule:Heartbeat</c> still takes effect.
/// </summary>
internal sealed class HeartbeatTrigger(ISchedulerFactory schedulers, string cron, TimeProvider time, ILogger<HeartbeatTrigger> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var wanted = Build(cron, time);
        switch (await scheduler.GetTrigger(HeartbeatJob.TriggerKey, ct))
        {
            case null:
                try
                {
                    await scheduler.ScheduleJob(wanted, default, ct);
                }
                catch (ObjectAlreadyExistsException)
                {
                    // Another instance starting at the same moment stored it first, from the same settings.
                }

                break;
            case ICronTrigger stored when Same(stored, wanted):
                log.LogDebug("The heartbeat's stored schedule {Cron} is kept; its next beat is {Next:O}", stored.CronExpressionString,
                    stored.NextFireTimeUtc);
                break;
            case var stored:
                log.LogInformation("The heartbeat's schedule changes from {Old} to {New}", (stored as ICronTrigger)?.CronExpressionString ?? stored.GetType().Name, cron);
                await scheduler.RescheduleJob(HeartbeatJob.TriggerKey, wanted, ct);
                break;
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The trigger, starting now on <paramref name="time"/>: the scheduler's own clock (Quartz takes the container's).</summary>
    private static ICronTrigger Build(string cron, TimeProvider time) =>
        (ICronTrigger)TriggerBuilder.Create(time).ForJob(HeartbeatJob.Key).WithIdentity(HeartbeatJob.TriggerKey)
            .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    private static bool Same(ICronTrigger stored, ICronTrigger wanted) =>
        stored.CronExpressionString == wanted.CronExpressionString
        && stored.TimeZone.Id == wanted.TimeZone.Id
        && stored.MisfireInstruction == wanted.MisfireInstruction
        && Equals(stored.JobKey, wanted.JobKey);
}

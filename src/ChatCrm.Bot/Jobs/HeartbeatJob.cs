using System.ComponentModel.DataAnnotations;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Observability;
using Quartz;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// `Schedule:Heartbeat`: the Quartz cron of the scheduler's beat (every minute by default), or `off` to run no
/// scheduler in this process (a test that drives the ticks itself, or an instance kept out of the beat). Instances on
/// one PostgreSQL database need no such care: they share a clustered Quartz store and the beat fires on one of them.
/// </summary>
public sealed class HeartbeatOptions : IValidatableObject
{
    public const string Section = "Schedule";
    public const string EveryMinute = "0 * * * * ?";

    public string Heartbeat { get; set; } = EveryMinute;

    public bool Enabled => !string.IsNullOrWhiteSpace(Heartbeat) && !Heartbeat.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !CronExpression.TryParse(Heartbeat, out _))
        {
            yield return new($"Schedule:Heartbeat '{Heartbeat}' is not a Quartz cron expression (e.g. '{EveryMinute}') or 'off'.");
        }
    }
}

/// <summary>
/// The Quartz job: one scheduler tick at the injected clock's time, in a scope of its own. Records how late the beat
/// fired (Quartz's real clock against its schedule), and at Debug which instance ran which beat. A database outage is reported to <see cref="DatabaseOutage"/>,
/// not thrown at Quartz (which would log it with a stack trace every minute); the next beat simply tries again.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class HeartbeatJob(IServiceScopeFactory scopes, TimeProvider time, BotMetrics metrics, DatabaseOutage outage,
    ILogger<HeartbeatJob> log) : IJob
{
    public static readonly JobKey Key = new("heartbeat", "chatcrm");
    public static readonly TriggerKey TriggerKey = new("heartbeat-trigger", "chatcrm");
    private const string Source = "scheduler";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.ScheduledFireTimeUtc is { } scheduled)
        {
            metrics.SchedulerLag(context.FireTimeUtc - scheduled);
        }

        log.LogDebug("Beat {Scheduled:O} runs on scheduler instance {Instance}", context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId);

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SchedulerTick>().RunAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
            outage.Succeeded(Source);
        }
        catch (Exception e) when (e is not OperationCanceledException && outage.Failed(Source, e))
        {
            // Logged (once a minute at most) by DatabaseOutage; the next beat tries again.
        }
    }
}

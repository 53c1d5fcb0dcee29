using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Outbox;
using Quartz;

namespace ChatCrm.Bot.Jobs;

public static class SchedulerHosting
{
    /// <summary>
    /// The scheduler's services and its Quartz heartbeat (in-memory store: what is due lives in the data and the
    /// outbox keys, so Quartz itself has nothing worth persisting; a misfired beat fires once and proceeds).
    /// </summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HeartbeatOptions>().BindConfiguration(HeartbeatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CompanySettings>();
        services.AddScoped<IScheduleSettings, CompanyScheduleSettings>();
        services.AddScoped<ScheduledOutbox>();
        services.AddScoped<MorningRound>();
        services.AddScoped<ContactReminders>();
        services.AddScoped<ObligationAlerts>();
        services.AddScoped<Escalations>();
        services.AddScoped<DigestRound>();
        services.AddScoped<DigestQueries>();
        services.AddScoped<Housekeeping>();
        services.AddScoped<SchedulerTick>();

        var heartbeat = new HeartbeatOptions();
        builder.Configuration.GetSection(HeartbeatOptions.Section).Bind(heartbeat);
        if (!heartbeat.Enabled || !CronExpression.TryParse(heartbeat.Heartbeat, out _))
        {
            return builder;
        }

        builder.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddJob<HeartbeatJob>(j => j.WithIdentity(HeartbeatJob.Key));
            q.AddTrigger(t => t.ForJob(HeartbeatJob.Key).WithIdentity("heartbeat-trigger", "chatcrm")
                .WithCronSchedule(heartbeat.Heartbeat, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // The database is migrated by an earlier hosted service; the first beat waits for the host to be up.
            o.AwaitApplicationStarted = true;
        });
        return builder;
    }
}

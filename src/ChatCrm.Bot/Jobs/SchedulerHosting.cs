using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Outbox;
using Npgsql;
using Quartz;

namespace ChatCrm.Bot.Jobs;

public static class SchedulerHosting
{
    /// <summary>The scheduler's name: the same on every instance, so the instances sharing a database form one cluster.</summary>
    public const string SchedulerName = "ChatCrm";

    /// <summary>The prefix of the Quartz tables the PostgreSQL migration QuartzTables creates.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>How often an instance records in the database that it is alive, on PostgreSQL.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long past a missed check-in the others wait before they take a dead instance's beat over: with
    /// <see cref="CheckinInterval"/> (also how often the others look), a beat a killed instance held is free again
    /// within about 14 s, and a pause of a few seconds (a collection, a database failover) does not count as a death.
    /// </summary>
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// The scheduler's services and its Quartz heartbeat, which is one job on one cron trigger. What is due lives in
    /// the data and the outbox keys, so the beat itself carries nothing: a misfired beat fires once and proceeds.
    /// <list type="bullet">
    /// <item>SQLite (one process): Quartz's in-memory store.</item>
    /// <item>PostgreSQL (any number of instances): Quartz's ADO job store, clustered, in the qrtz_* tables our
    /// migrations create. Every instance registers the same scheduler name, so the beat fires on exactly one of them;
    /// when that one stops the others go on beating, and when it dies its beat is taken over after
    /// <see cref="CheckinInterval"/> + <see cref="CheckinMisfireThreshold"/>. The node id is `Instance:Name` when
    /// set (it must then differ per instance), else generated at start. The de-duplication keys stay as the second
    /// guard.</item>
    /// </list>
    /// The job and its trigger have stable identities. A start keeps the stored trigger when its schedule is the same
    /// (so a restart or a second instance does not move the running beat) and replaces it when Schedule:Heartbeat
    /// changed (<see cref="HeartbeatTrigger"/>).
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

        var database = new DatabaseOptions();
        builder.Configuration.GetSection(DatabaseOptions.Section).Bind(database);
        var instanceName = builder.Configuration["Instance:Name"];
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                if (database.IsPostgres && !string.IsNullOrWhiteSpace(instanceName))
                {
                    s.InstanceId = instanceName.Trim();
                }
            });
            if (database.IsPostgres)
            {
                var connectionString = builder.Configuration.GetConnectionString("ChatCrm");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:ChatCrm is empty.");
                }

                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = CheckinInterval;
                        c.CheckinMisfireThreshold = CheckinMisfireThreshold;
                    });
                    // The beat carries no job data; should a job ever carry some, it is stored as JSON, not as .NET binary.
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(s =>
                    {
                        s.TablePrefix = TablePrefix;
                        // Our migration made the tables: check them at start, never create them behind its back.
                        s.SchemaProvisioning = SchemaProvisioning.Validate;
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            // Each start states the job again (it carries nothing, so replacing it changes nothing); its trigger is
            // stated by HeartbeatTrigger, which leaves a stored one alone unless the schedule changed.
            q.ConfigureOptions<QuartzOptions>(o => o.Scheduling.OverwriteExistingData = true);
            q.AddJob<HeartbeatJob>(j => j.WithIdentity(HeartbeatJob.Key).StoreDurably());
        });
        // After the database's migration (an earlier hosted service), before the scheduler starts.
        services.AddHostedService(sp => new HeartbeatTrigger(sp.GetRequiredService<ISchedulerFactory>(), heartbeat.Heartbeat,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HeartbeatTrigger>>()));
        builder.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // The database is migrated by an earlier hosted service; the first beat waits for the host to be up.
            o.AwaitApplicationStarted = true;
        });
        return builder;
    }
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Features.Onboarding;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Observability;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Bot.Transport;
using ChatCrm.Bot.Web;
using ChatCrm.Bot.Web.Auth;
using ChatCrm.Bot.Web.Board;
using ChatCrm.Bot.Web.Reports;
using ChatCrm.Bot.Web.Team;
using ChatCrm.Bot.Web.Clients;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Telegram.Bot;

namespace ChatCrm.Bot.Hosting;

public enum TransportMode
{
    /// <summary>Telegram: webhook when Telegram:WebhookUrl is set, otherwise long polling.</summary>
    Telegram,

    /// <summary>The terminal conversation of `-- chat`.</summary>
    LocalChat,
}

public static partial class ChatCrmHosting
{
    /// <summary>Registers options, the database, the pipeline, the outbox and the transport.</summary>
    public static IHostApplicationBuilder AddChatCrm(this IHostApplicationBuilder builder, TransportMode mode = TransportMode.Telegram)
    {
        var services = builder.Services;
        AddValidatedOptions<TelegramOptions>(services, TelegramOptions.Section);
        AddValidatedOptions<DatabaseOptions>(services, DatabaseOptions.Section);
        AddValidatedOptions<CrmOptions>(services, CrmOptions.Section);
        AddValidatedOptions<ScheduleOptions>(services, ScheduleOptions.Section);
        AddValidatedOptions<OutboxOptions>(services, OutboxOptions.Section);
        services.AddOptions<OutboxOptions>().Configure<IOptions<TelegramOptions>>((outbox, telegram) => outbox.AllowPaidBroadcast = telegram.Value.AllowPaidBroadcast);
        // The board's address comes from the Telegram section (Telegram:WebAppUrl, or the webhook's host), the rest from WebApp.
        AddValidatedOptions<WebAppOptions>(services, WebAppOptions.Section)
            .Configure<IOptions<TelegramOptions>>((web, telegram) => web.Url = telegram.Value.ResolvedWebAppUrl);

        services.AddSingleton(TimeProvider.System);
        // The sender's pacing clock: real seconds, whatever the application's clock says (tests may run it fast).
        services.AddSingleton(new SendClock(TimeProvider.System));
        services.AddChatCrmDatabase();
        services.AddSingleton<DatabaseOutage>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<SenderLease>();
        services.AddSingleton<ISenderLease>(sp => sp.GetRequiredService<SenderLease>());
        AddMetricsExport(builder);
        services.AddChatCrmHealthChecks();
        // A failing probe is answered 503; the outage itself is logged once a minute by DatabaseOutage, not per probe.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        // The terminal chat has no Telegram name to learn: nothing waits for one there.
        services.AddSingleton(_ => mode == TransportMode.LocalChat ? Known(null) : new BotIdentity());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<UserLanes>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<WaitingSignal>();
        services.AddSingleton<OutboxHealth>();
        services.AddSingleton<UpdatePipeline>();
        services.AddScoped<UpdateProcessor>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<Join>();
        services.AddScoped<CommandRunner>();
        services.AddSingleton(sp => new WebAppKey(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.BotToken));
        // The board (a Telegram Mini App): its sign-in, its reads, and its changes as the chat's own buttons.
        services.AddScoped<WebSignIn>();
        services.AddScoped<BoardQuery>();
        services.AddSingleton<WebActions>();
        foreach (var handler in CommandTable.Commands.Select(c => c.Handler).Concat(CommandTable.Callbacks.Select(c => c.Handler))
                     .Append(CommandTable.Documents.Handler).Distinct())
        {
            services.AddScoped(handler);
        }

        foreach (var undo in CommandTable.UndoHandlers)
        {
            services.AddScoped(typeof(IUndoHandler), undo);
        }

        // Hosted services start in this order: the database is migrated before anything reads it.
        services.AddHostedService<DatabaseInitializer>();
        // One instance sends (PostgreSQL: a lease row; SQLite: this process). Started before the dispatcher and
        // stopped after it, so a clean stop hands the lease over only once nothing of ours is in flight.
        services.AddHostedService(sp => sp.GetRequiredService<SenderLease>());
        services.AddHostedService<PostgresOutboxBell>();
        // After the migration: on PostgreSQL, Quartz's store checks its tables (which our migrations make) as it starts.
        builder.AddScheduler();
        // Picks up what waited when the last run stopped, before a transport takes anything new.
        services.AddHostedService<WaitingUpdatesWorker>();
        // Goes on with an import a stopped run left running, after its last committed batch.
        AddValidatedOptions<ImportOptions>(services, ImportOptions.Section);
        services.AddSingleton<ImportRun>();
        services.AddHostedService<ImportWorker>();
        if (mode == TransportMode.LocalChat)
        {
            services.AddSingleton<ConsoleGateway>();
            services.AddSingleton<IBotGateway>(sp => sp.GetRequiredService<ConsoleGateway>());
            services.AddSingleton<IBotFiles, LocalFiles>();
            services.AddHostedService<OutboxDispatcher>();
            services.AddHostedService<LocalChat>();
        }
        else
        {
            services.AddHostedService<FirstRunCheck>();
            AddTelegramClient(services);
            services.AddSingleton<IBotGateway, TelegramGateway>();
            services.AddSingleton<IBotFiles, TelegramFiles>();
            services.AddHostedService<OutboxDispatcher>();
            services.AddHostedService<TelegramTransport>();
        }

        return builder;
    }

    /// <summary>
    /// Adds the git-ignored appsettings.Local.json next to appsettings.json for a developer's own token
    /// and ids; environment variables and the command line are added again so they still win over it.
    /// </summary>
    public static IHostApplicationBuilder AddLocalSettings(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddJsonFile("appsettings.Local.json", optional: true).AddEnvironmentVariables().AddCommandLine(args);
        return builder;
    }

    /// <summary>
    /// Checks every validated setting now, before anything starts or binds a port: a bad one stops the program with the
    /// sentence that names its key. The host is left undisposed for the caller, so the test factory, which starts it on
    /// another thread, reports this error rather than racing a disposed host.
    /// </summary>
    public static THost CheckSettings<THost>(this THost host) where THost : IHost
    {
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (e is OptionsValidationException || e is AggregateException a && a.InnerExceptions.All(x => x is OptionsValidationException))
        {
            // Our own sentences, each once: options built from a bad one fail too and repeat it, and data annotations
            // wrap each in "DataAnnotation validation failed for 'X' members: '' with the error: '…'.".
            var all = e is AggregateException many ? many.InnerExceptions.Cast<OptionsValidationException>().ToList() : [(OptionsValidationException)e];
            var failures = all.SelectMany(x => x.Failures).Select(Sentence).Distinct().ToList();
            throw new OptionsValidationException(all[0].OptionsName, all[0].OptionsType, failures);
        }

        return host;

        static string Sentence(string failure) =>
            DataAnnotationFailure().Match(failure) is { Success: true } m ? m.Groups[1].Value : failure;
    }

    [GeneratedRegex(@"with the error: '(.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    /// <summary>The HTTP surface: the webhook, the health checks, the board's sign-in and, with Metrics:Enabled, /metrics.</summary>
    public static WebApplication MapChatCrm(this WebApplication app)
    {
        app.MapTelegramWebhook();
        app.MapHealth();
        app.MapWebAuth();
        app.MapAppShell();
        app.MapBoard();
        app.MapReports();
        app.MapTeam();
        app.MapClients();
        if (MetricsEnabled(app.Configuration))
        {
            // The outbox gauges exist only when someone reads them: without metrics no query ever runs for them.
            _ = app.Services.GetRequiredService<OutboxGauges>();
            app.MapPrometheusScrapingEndpoint(MetricsOptions.Path);
        }

        return app;
    }

    /// <summary>
    /// Metrics:Enabled: OpenTelemetry listens to our meter (<see cref="BotMetrics"/>) and ASP.NET Core's, and serves
    /// them in Prometheus format on /metrics. Off by default: the endpoint tells about the bot's traffic, so an operator
    /// turns it on where only their Prometheus can reach it.
    /// </summary>
    private static void AddMetricsExport(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        if (!MetricsEnabled(builder.Configuration))
        {
            return;
        }

        builder.Services.AddSingleton<OutboxGauges>();
        builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("chatcrm")).WithMetrics(metrics =>
        {
            metrics.AddMeter(BotMetrics.MeterName).AddAspNetCoreInstrumentation().AddPrometheusExporter();
            // OpenTelemetry picks meters by name in the whole process: with several hosts in one process (the tests) it
            // would count the others' updates too, and lose its own series when another host stops. Only this host's.
            ((IDeferredMeterProviderBuilder)metrics).Configure((services, own) =>
            {
                var meter = services.GetRequiredService<BotMetrics>().Meter;
                own.AddView(i => i.Meter.Name == BotMetrics.MeterName && i.Meter != meter ? MetricStreamConfiguration.Drop : null);
            });
        });
    }

    private static bool MetricsEnabled(IConfiguration config) =>
        config.GetValue<bool>($"{MetricsOptions.Section}:{nameof(MetricsOptions.Enabled)}");

    private static BotIdentity Known(string? username)
    {
        var identity = new BotIdentity();
        identity.Learned(username);
        return identity;
    }

    private static void AddTelegramClient(IServiceCollection services)
    {
        // The Bot API puts the token in every URL, and HttpClient's own loggers write URLs: they stay off.
        // One pacer for every handler chain the factory builds (the limit is the bot's), on the send clock: Telegram
        // counts real seconds, whatever clock the application runs on.
        services.AddSingleton(sp => new FloodPacer(sp.GetRequiredService<SendClock>().Time));
        services.AddHttpClient("telegram", http => http.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new FloodPacer.Handler(sp.GetRequiredService<FloodPacer>()));
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram");
            return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken!, options.ApiBaseUrl)
            {
                // The dispatcher decides about 429s (pausing every chat); the library must not sleep inside a call.
                RetryThreshold = 0,
                RetryCount = 0,
            }, http);
        });
    }

    private static OptionsBuilder<T> AddValidatedOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}

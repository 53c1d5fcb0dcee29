using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (WebApplicationFactory over Program) on a fresh SQLite file, talking to a
/// <see cref="FakeBotApi"/> through the real Telegram.Bot client. Webhook mode unless a test asks for polling.
/// In memory (TestServer) unless a test asks for a real port (<c>onPort: true</c>), as a browser needs: then Kestrel
/// listens on 127.0.0.1 and <see cref="BaseAddress"/> is <c>http://localhost:&lt;port&gt;/</c>.
/// </summary>
public sealed class ChatCrmApp : WebApplicationFactory<Program>
{
    public const string Secret = "test-secret_42";
    public const long AdminId = 1001;

    private readonly Dictionary<string, string?> _settings;

    private readonly TimeProvider? _clock;

    // The sender's pacing clock (SendClock), when a test runs it fast; the real one otherwise.
    private TimeProvider? _sendClock;

    // Set by tests that read what the host logged.
    private LogCapture? _logs;

    // Set when a restart hands the fake Bot API and the database folder on to the next host.
    private bool _handedOver;

    private ChatCrmApp(FakeBotApi api, bool polling, IDictionary<string, string?>? settings, TimeProvider? clock, string? folder = null)
    {
        Api = api;
        _clock = clock;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "chatcrm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:WebhookUrl"] = polling ? "" : "https://crm.example.com/telegram/webhook",
            ["Telegram:SecretToken"] = Secret,
            ["ConnectionStrings:ChatCrm"] = $"Data Source={Path.Combine(Folder, "chatcrm.db")}",
            ["Crm:AdminTelegramIds:0"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            // The minute heartbeat writes plans and digests on its own; the scheduler tests run it by hand.
            ["Schedule:Heartbeat"] = "off",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    private Action<IServiceCollection>? _services;

    public FakeBotApi Api { get; }
    public string Folder { get; }

    /// <summary>
    /// Where a browser reaches this host: <c>http://localhost:&lt;port&gt;/</c> when it was started <c>onPort</c>
    /// (localhost, not 127.0.0.1, because Chromium counts localhost as a secure context and keeps <c>Secure</c> cookies);
    /// the in-memory <c>http://localhost/</c> of TestServer otherwise, which no browser can open.
    /// </summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost/");

    /// <summary>Whether this host listens on a real port (Kestrel) rather than in memory.</summary>
    public bool OnPort { get; private set; }
    public string DatabasePath => Path.Combine(Folder, "chatcrm.db");

    /// <param name="arrange">Sets up the fake Bot API before the host starts (e.g. a getMe that fails at first).</param>
    /// <param name="logs">Receives everything the host logs, from its start on.</param>
    /// <param name="services">Adds services to the host (e.g. an EF interceptor standing in for another instance's write).</param>
    /// <param name="database">The database to run on (created here; the test drops it): a fresh SQLite file when null.</param>
    /// <param name="sendClock">
    /// The clock the sender paces on (its slots, per-chat gaps, 429 and outage pauses), e.g. a <see cref="RunningClock"/>.
    /// When null, a <see cref="FastClock"/>: the sender paces as in production, twenty times faster, so a test that waits
    /// for a chat's third message waits a tenth of a second, not two. Pass <see cref="TimeProvider.System"/> where pacing
    /// against Telegram's real limits is checked (<see cref="FakeBotApi.EnforceLimits"/> counts real time).
    /// Independent of <paramref name="clock"/>, the application's clock.
    /// </param>
    /// <param name="onPort">
    /// Listen on a free port of 127.0.0.1 through Kestrel (for a browser, <see cref="BaseAddress"/>) instead of serving
    /// in memory. <see cref="WebApplicationFactory{TEntryPoint}.Server"/> is not available then; <c>CreateClient</c> and
    /// everything else here is.
    /// </param>
    public static async Task<ChatCrmApp> StartAsync(bool polling = false, IDictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Action<FakeBotApi>? arrange = null, LogCapture? logs = null, Action<IServiceCollection>? services = null,
        TestDatabase? database = null, bool onPort = false, TimeProvider? sendClock = null)
    {
        if (database is not null)
        {
            await database.CreateAsync();
            var merged = new Dictionary<string, string?>(database.Settings);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                merged[key] = value;
            }

            settings = merged;
        }

        var api = await FakeBotApi.StartAsync();
        arrange?.Invoke(api);
        var app = new ChatCrmApp(api, polling, settings, clock) { _logs = logs, _services = services, _sendClock = sendClock ?? new FastClock() };
        if (app._settings["ConnectionStrings:ChatCrm"] == $"Data Source={app.DatabasePath}" && app._settings.GetValueOrDefault("Database:Provider") is null or "Sqlite")
        {
            // The bot then finds every migration applied, as on any start but the first.
            File.Copy(await SqliteTemplate.PathAsync(), app.DatabasePath);
        }

        app.Start(onPort); // migrations, dispatcher, transport
        if (database is not null)
        {
            // A suite that means to run on PostgreSQL must not pass on SQLite because a setting went astray.
            var provider = await app.QueryAsync(db => Task.FromResult(db.Database.ProviderName));
            provider.Should().Be(database.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
                $"the host runs on {database}");
        }

        return app;
    }

    /// <summary>
    /// Stops this host as a shutdown would and starts a new one on the same database file, settings, clock and fake Bot
    /// API: what was committed (and only that) survives. Use the returned app from then on.
    /// </summary>
    /// <param name="changed">Settings the operator changed before the restart (a new address, say); the rest stay.</param>
    public async Task<ChatCrmApp> RestartAsync(IDictionary<string, string?>? changed = null)
    {
        _handedOver = true;
        await DisposeAsync();
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in changed ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var next = new ChatCrmApp(Api, polling: false, settings, _clock, Folder) { _logs = _logs, _sendClock = _sendClock };
        next.Start(OnPort);
        return next;
    }

    private void Start(bool onPort)
    {
        if (!onPort)
        {
            _ = Server;
            return;
        }

        // Port 0 on the IPv4 loopback alone: Kestrel picks a free port, and "localhost" in the browser still reaches it
        // (ListenLocalhost would bind ::1 too, which it refuses to do for a dynamic port).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        OnPort = true;
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        BaseAddress = new Uri($"http://localhost:{address.Port}/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }

        if (_sendClock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(new SendClock(_sendClock)));
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }

        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
    }

    public async Task<HttpResponseMessage> PostUpdateAsync(string json, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        using var client = CreateClient();
        return await client.SendAsync(request);
    }

    /// <summary>Posts an update and insists on the 200 Telegram needs to stop redelivering.</summary>
    public async Task SendAsync(string json)
    {
        using var response = await PostUpdateAsync(json);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A fresh context on the same database, for looking at what was committed.</summary>
    public async Task<T> QueryAsync<T>(Func<ChatCrmDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>());
    }

    /// <summary>A change made straight in the database (as another feature or an earlier day would have made it), saved.</summary>
    public Task<T> WriteAsync<T>(Func<ChatCrmDbContext, Task<T>> write) =>
        QueryAsync(async db =>
        {
            var result = await write(db);
            await db.SaveChangesAsync();
            return result;
        });

    /// <summary>
    /// Takes away the default scenario a fresh database gets, for tests about moving and listing deals rather than the
    /// regulation: without it a forward move does not ask about undone steps, and lines carry no progress.
    /// </summary>
    public Task WithoutScenariosAsync() => WriteAsync(db => db.ScenarioSteps.ExecuteDeleteAsync());

    public Task<long> UserIdAsync(long telegramId) =>
        QueryAsync(db => db.Users.Where(u => u.TelegramId == telegramId).Select(u => u.Id).SingleAsync());

    public async Task ExecuteAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
        scope.ServiceProvider.GetRequiredService<OutboxSignal>().Notify();
    }

    public Task<int> CountAsync<TEntity>() where TEntity : class => QueryAsync(db => db.Set<TEntity>().CountAsync());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_handedOver)
        {
            return;
        }

        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test; the temp folder is cleaned by the OS.
        }
    }
}

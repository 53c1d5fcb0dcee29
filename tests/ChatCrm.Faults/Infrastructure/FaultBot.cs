using System.Globalization;
using System.Net;
using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Transport;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Faults.Infrastructure;

/// <summary>
/// The built bot (<c>dotnet ChatCrm.Bot.dll</c>) in webhook mode on its own SQLite file, talking to a <see cref="FakeBotApi"/>:
/// started, posted to over real HTTP, killed with SIGKILL, restarted on the same port and file, and looked at in the file
/// with plain SQL. <see cref="DisposeAsync"/> always kills the process and removes the folder.
/// </summary>
public sealed class FaultBot : IAsyncDisposable
{
    public const long AdminId = ChatCrmApp.AdminId;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, string> _environment;
    private readonly HttpClient _http;
    private readonly HttpClient _health;
    private readonly StringBuilder _earlierOutput = new();

    private FaultBot(FakeBotApi api, string folder, int port, Dictionary<string, string> environment)
    {
        Api = api;
        Folder = folder;
        Port = port;
        _environment = environment;
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromSeconds(5) };
        _http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Add("X-Telegram-Bot-Api-Secret-Token", ChatCrmApp.Secret);
        _health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public FakeBotApi Api { get; }

    /// <summary>The relay to the fake when started <c>proxied</c>.</summary>
    public OutageProxy? Proxy { get; private init; }
    public string Folder { get; }
    public int Port { get; }
    public string DatabasePath => Path.Combine(Folder, "chatcrm.db");
    public BotProcess? Process { get; private set; }
    public int Starts { get; private set; }

    /// <summary>Everything every process of this bot printed (earlier, killed ones first).</summary>
    public string Output => _earlierOutput + (Process?.Output ?? "");

    /// <param name="seed">Writes the people (and anything else) the scenario needs into the migrated file before the bot starts.</param>
    /// <param name="settings">Extra configuration as environment variables (<c>Outbox__ReplyLifetime</c>).</param>
    /// <param name="proxied">Talk to the fake through an <see cref="OutageProxy"/>, so a test can take the Bot API off the network.</param>
    public static async Task<FaultBot> StartAsync(Func<ChatCrmDbContext, Task>? seed = null, IDictionary<string, string>? settings = null,
        bool proxied = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "chatcrm.db");
        var options = new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite($"Data Source={database};Pooling=False").Options;
        await using (var db = new ChatCrmDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            await db.Database.MigrateAsync();
            if (seed is not null)
            {
                await seed(db);
                await db.SaveChangesAsync();
            }
        }

        var api = await FakeBotApi.StartAsync();
        var proxy = proxied ? OutageProxy.Start(api.BaseUrl) : null;
        var port = BotProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = proxy?.BaseUrl ?? api.BaseUrl,
            ["Telegram__WebhookUrl"] = "https://crm.example.com/telegram/webhook",
            ["Telegram__SecretToken"] = ChatCrmApp.Secret,
            ["ConnectionStrings__ChatCrm"] = $"Data Source={database}",
            ["Crm__AdminTelegramIds__0"] = AdminId.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Logging__LogLevel__Default"] = "Warning",
            // The minute heartbeat would add morning plans and nudges of its own to the counts.
            ["Schedule__Heartbeat"] = "off",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var bot = new FaultBot(api, folder, port, environment) { Proxy = proxy };
        try
        {
            await bot.RestartAsync();
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>Starts a process (again) on the same file and port, and waits until /health answers 200.</summary>
    public async Task RestartAsync()
    {
        if (Process is { } previous)
        {
            _earlierOutput.Append(previous.Output);
            await previous.DisposeAsync();
        }

        Process = BotProcess.Start(_environment);
        Starts++;
        await WaitHealthyAsync(StartTimeout);
    }

    /// <summary><c>kill -9</c>: SIGKILL, no shutdown hooks, whatever was in flight is cut.</summary>
    public async Task KillAsync()
    {
        var process = Process ?? throw new InvalidOperationException("The bot is not running.");
        process.Kill();
        await process.Process.WaitForExitAsync();
    }

    public bool Running => Process is { Process.HasExited: false };

    public async Task<bool> HealthyAsync()
    {
        try
        {
            using var response = await _health.GetAsync("/health");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await HealthyAsync())
        {
            if (!Running)
            {
                throw new InvalidOperationException($"The bot exited (code {Process?.Process.ExitCode}). It printed:\n{Tail()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot did not answer /health within {timeout}. It printed:\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Posts a body to the webhook the way Telegram does; the HTTP status, or 0 when no answer came (refused, cut, timed out).</summary>
    public async Task<int> PostAsync(byte[] body, string contentType = "application/json", CancellationToken ct = default)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await _http.PostAsync(TelegramOptions.WebhookPath, content, ct);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    public Task<int> PostAsync(string json, CancellationToken ct = default) => PostAsync(Encoding.UTF8.GetBytes(json), ct: ct);

    /// <summary>Polls a condition (bounded); fails with <paramref name="because"/> and the bot's last output when it never holds.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout}: {because}. The bot printed:\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of a query, each as column → value, for comparing before and after.</summary>
    public async Task<List<Dictionary<string, object?>>> RowsAsync(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Replies written but not yet sent (or retried) by the dispatcher.</summary>
    public Task<long> PendingOutboxAsync() => CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 0");

    /// <summary>Waits until nothing is left pending in the outbox; false when it did not drain in time.</summary>
    public async Task<bool> OutboxDrainedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await PendingOutboxAsync() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadWrite;Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    /// <summary>The last lines the bot printed, for failure messages.</summary>
    public string Tail(int lines = 60)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is { } process)
        {
            await process.DisposeAsync();
        }

        _http.Dispose();
        _health.Dispose();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await Api.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }
}

/// <summary>People written straight into the file before the bot starts, as if they had joined and written before.</summary>
public static class People
{
    /// <summary>A manager who has written to the bot before (no first-visit menu on their next update), Russian.</summary>
    public static User Manager(ChatCrmDbContext db, long telegramId, string name, Role role = Role.Manager)
    {
        var user = User.Create(telegramId, name, role, "Europe/Moscow", DateTime.UtcNow.AddDays(-30));
        user.Seen(telegramId, name, null, "ru", DateTime.UtcNow.AddDays(-30));
        user.ChooseLanguage(Language.Ru);
        db.Users.Add(user);
        return user;
    }

    /// <summary>Managers with a client each (all called <paramref name="clientName"/>, each the owner's own).</summary>
    public static async Task ManagersWithClientAsync(ChatCrmDbContext db, IEnumerable<long> telegramIds, string clientName)
    {
        var users = telegramIds.Select(id => Manager(db, id, $"Менеджер {id}")).ToList();
        await db.SaveChangesAsync();
        foreach (var user in users)
        {
            db.Clients.Add(Client.Create(clientName, user.Id, DateTime.UtcNow.AddDays(-20), user.Id));
        }
    }
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// The real host on a fake clock with the Quartz heartbeat off: a test sets the time and runs the scheduler's
/// tick itself, so nothing waits for a real schedule. People and CRM rows are written by <see cref="Seed"/>.
/// </summary>
public sealed class ScheduleWorld : IAsyncDisposable
{
    /// <summary>Friday 20 November 2026, 12:00 UTC: everybody in a test joined a few days before the days it looks at.</summary>
    public static readonly DateTime Joined = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private ScheduleWorld(ChatCrmApp app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public ChatCrmApp App { get; }
    public FakeTimeProvider Clock { get; }

    /// <param name="sendClock">The sender's pacing clock (e.g. a <see cref="RunningClock"/>, or the real one for pacing against real limits); a <see cref="FastClock"/> when null.</param>
    /// <param name="services">Adds services to the host (e.g. an EF interceptor).</param>
    public static async Task<ScheduleWorld> StartAsync(IDictionary<string, string?>? settings = null, TestDatabase? database = null,
        TimeProvider? sendClock = null, Action<IServiceCollection>? services = null)
    {
        // The clock only moves forward: it starts early enough for every date a test visits.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?> { ["Schedule:Heartbeat"] = "off" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        return new ScheduleWorld(await ChatCrmApp.StartAsync(settings: all, clock: clock, database: database, sendClock: sendClock, services: services), clock);
    }

    /// <summary>Another host on the same database after a stop (see <see cref="ChatCrmApp.RestartAsync"/>); the clock goes on.</summary>
    public async Task<ScheduleWorld> RestartAsync() => new(await App.RestartAsync(), Clock);

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A local wall-clock time in a zone, as UTC.</summary>
    public static DateTime At(string zone, int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), TimeZoneInfo.FindSystemTimeZoneById(zone));

    /// <summary>Moves the clock and runs one scheduler tick, the way the heartbeat would.</summary>
    public async Task<TickResult> TickAsync(DateTime utc, CancellationToken ct = default)
    {
        if (Clock.GetUtcNow() < new DateTimeOffset(utc))
        {
            Clock.SetUtcNow(new DateTimeOffset(utc));
        }

        TickResult result = null!;
        await App.ExecuteAsync(async sp => result = await sp.GetRequiredService<SchedulerTick>().RunAsync(utc, ct));
        return result;
    }

    public Task<T> DbAsync<T>(Func<ChatCrmDbContext, Task<T>> query) => App.QueryAsync(query);

    public Task ChangeAsync(Func<ChatCrmDbContext, Task> change) =>
        App.WriteAsync(async db =>
        {
            await change(db);
            return true;
        });

    public Task<User> UserAsync(long telegramId, Role role, string zone = "Europe/Moscow", string? name = null, string? quiet = null,
        Language language = Language.Ru, DateTime? joined = null) =>
        Seed.UserAsync(App, telegramId, role, joined ?? Joined, zone, name, quiet, language);

    public async Task<Client> ClientAsync(string name, long? ownerId, DateTime? createdAt = null)
    {
        var id = await Seed.ClientAsync(App, name, ownerId, createdAt ?? Joined.AddDays(-30));
        return await DbAsync(db => db.Clients.SingleAsync(c => c.Id == id));
    }

    /// <summary>Opens a deal for a client in a stage (the first by default) at a given time.</summary>
    public async Task<Deal> DealAsync(Client client, decimal amount, DateTime openedAt, int stagePosition = 1, string? title = null)
    {
        var id = await Seed.DealAsync(App, client.Id, client.OwnerUserId ?? 1, amount, openedAt, stagePosition, title);
        return await DbAsync(db => db.Deals.SingleAsync(d => d.Id == id));
    }

    public Task TouchAsync(Client client, long userId, DateTime at, string? note = null) => Seed.TouchAsync(App, client.Id, userId, at, note);

    public async Task<Touch> PlanAsync(Client client, long userId, DateTime forUtc, string? note = null)
    {
        var id = await Seed.PlannedAsync(App, client.Id, userId, forUtc, Joined, note);
        return await DbAsync(db => db.Touches.SingleAsync(t => t.Id == id));
    }

    /// <summary>Scheduled rows for one chat, oldest first.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(long chatId) =>
        DbAsync(db => db.Outbox.Where(m => m.ChatId == chatId && m.Priority == OutboxMessage.PriorityScheduled).OrderBy(m => m.Id).ToListAsync());

    public async Task<List<string>> KeysAsync(long chatId) => (await OutboxAsync(chatId)).Select(m => m.DedupKey!).ToList();

    public static string Text(OutboxMessage m) => Payloads.Read<MessagePayload>(m.Payload).Html;

    public static IEnumerable<StoredButton> Buttons(OutboxMessage m) => Payloads.Read<MessagePayload>(m.Payload).Buttons?.SelectMany(r => r) ?? [];

    /// <summary>Taps a button as its recipient and waits until the tap is answered.</summary>
    public Task TapAsync(long from, string data) => new Chat(App, from).TapUntilAnsweredAsync(data);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

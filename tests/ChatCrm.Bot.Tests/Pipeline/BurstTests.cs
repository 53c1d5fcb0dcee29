using System.Net;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Pipeline;

/// <summary>
/// A burst is what Telegram delivers when it flushes its backlog after downtime: every update got 200, so every one
/// must take effect. The rate is 30 at once, then one a second; the clock stands still during a burst, so exactly the
/// updates past the 30th wait, and moving it on lets them run.
/// </summary>
public abstract class BurstTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2002;
    private const long Petr = 2003;
    private const int Burst = 40;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private ChatCrmApp _app = null!;

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private async Task StartAsync(IDictionary<string, string?>? settings = null)
    {
        _app = await ChatCrmApp.StartAsync(settings: settings, clock: _clock, database: database);
        var ivan = await Chat.JoinAsync(_app, Ivan);
        await Seed.ClientAsync(_app, "Ромашка", await ivan.UserIdAsync(), _clock.GetUtcNow().UtcDateTime.AddDays(-30));
        // Joining took one of Ivan's 30: a quiet minute fills his bucket again.
        _clock.Advance(TimeSpan.FromMinutes(1));
    }

    [DatabaseFact]
    public async Task Forty_calls_in_a_burst_all_get_200_and_all_take_effect_in_order_with_one_note()
    {
        var ids = await PostBurstAsync(Ivan);

        (await NotesAsync()).Should().HaveCount(30, "the first 30 run at once");
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(10, "the rest wait their turn");
        // Telegram retrying one of the waiting updates adds nothing.
        await _app.SendAsync(Call(Ivan, 40, ids[39]));
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(10);

        _clock.Advance(TimeSpan.FromSeconds(10));

        (await EventuallyAsync(NotesAsync, n => n.Count == Burst)).Should().Equal(Enumerable.Range(1, Burst).Select(Note));
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(0);
        (await OutboxCountAsync(Ivan, "выполняю их по очереди")).Should().Be(1, "the user is told once that their messages are being worked through");
        (await OutboxCountAsync(Ivan, "Звонок: Ромашка")).Should().Be(Burst);
    }

    [DatabaseFact]
    public async Task Updates_still_waiting_when_the_bot_stops_take_effect_after_the_restart()
    {
        await PostBurstAsync(Ivan);
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(10);

        _app = await _app.RestartAsync();

        (await EventuallyAsync(NotesAsync, n => n.Count == Burst)).Should().Equal(Enumerable.Range(1, Burst).Select(Note));
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Another_user_is_not_held_up_by_one_users_queue()
    {
        var petr = await Chat.JoinAsync(_app, Petr, name: "Пётр");
        await Seed.ClientAsync(_app, "Лютик", await petr.UserIdAsync());
        await PostBurstAsync(Ivan);

        await _app.SendAsync(Updates.Text(Petr, "/call Лютик без очереди", firstName: "Пётр"));

        (await _app.QueryAsync(db => db.Touches.AnyAsync(t => t.Note == "без очереди"))).Should().BeTrue("Petr's call ran at once");
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(10, "Ivan's updates still wait for his rate");
    }

    [DatabaseFact]
    public async Task Past_the_ceiling_further_updates_are_refused_with_one_notice_and_an_audit_entry()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
        await StartAsync(new Dictionary<string, string?> { ["Crm:MaxWaitingUpdates"] = "5" });

        await PostBurstAsync(Ivan);

        (await _app.CountAsync<WaitingUpdate>()).Should().Be(5, "only the ceiling's worth is kept");
        (await OutboxCountAsync(Ivan, "слишком много")).Should().Be(1);
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == AuditActions.UpdatesRefused && a.ActorTelegramId == Ivan))).Should().Be(1);

        _clock.Advance(TimeSpan.FromSeconds(10));

        (await EventuallyAsync(NotesAsync, n => n.Count == 35)).Should().Equal(Enumerable.Range(1, 35).Select(Note));
    }

    [DatabaseFact]
    public async Task An_update_past_the_rate_that_cannot_be_stored_runs_out_of_turn_rather_than_fail_or_vanish()
    {
        await PostBurstAsync(Ivan);

        // Telegram always sends an entity's type; without it the update is read but cannot be written back to wait.
        var odd = Updates.Text(Ivan, "/call Ромашка без типа", updateId: Updates.NextId())
            .Replace("\"type\":\"bot_command\"", "\"unknown_field\":1", StringComparison.Ordinal);
        odd.Should().Contain("unknown_field", "the fixture's entity lost its type");
        using var response = await _app.PostUpdateAsync(odd);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.QueryAsync(db => db.Touches.AnyAsync(t => t.Note == "без типа"))).Should().BeTrue("it ran at once");
        (await _app.CountAsync<WaitingUpdate>()).Should().Be(10, "the burst's own updates still wait their turn");
    }

    [DatabaseFact]
    public async Task A_deactivated_user_flooding_the_bot_gets_nothing_queued()
    {
        await _app.WriteAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.TelegramId == Ivan)).Deactivate();
            return true;
        });

        await PostBurstAsync(Ivan);

        (await _app.CountAsync<WaitingUpdate>()).Should().Be(0);
        (await NotesAsync()).Should().BeEmpty();
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == AuditActions.UpdatesRefused && a.ActorTelegramId == Ivan))).Should().Be(1);
        (await OutboxCountAsync(Ivan, "доступ к ChatCrm отключён")).Should().Be(31, "30 answered in turn, then one notice for the rest");
    }

    [DatabaseFact]
    public async Task A_ceiling_below_one_stops_the_start_with_one_clear_sentence()
    {
        // The host itself, as in HeartbeatTests: a failed start is reported as the operator reads it.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["ConnectionStrings:ChatCrm"] = $"Data Source={Path.Combine(_app.Folder, "other.db")}",
            ["Crm:MaxWaitingUpdates"] = "0",
        });
        builder.AddChatCrm();
        await using var host = builder.Build();

        Func<Task> start = () => host.StartAsync();

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("Crm:MaxWaitingUpdates must be between 1 and 100000, not 0.");
    }

    private static string Note(int i) => $"заметка {i:00}";

    private static string Call(long from, int i, int updateId) => Updates.Text(from, $"/call Ромашка {Note(i)}", updateId: updateId);

    /// <summary>Posts the burst to the webhook one after another, as Telegram does, insisting on a 200 for each.</summary>
    private async Task<int[]> PostBurstAsync(long from)
    {
        var ids = Enumerable.Range(1, Burst).Select(_ => Updates.NextId()).ToArray();
        for (var i = 1; i <= Burst; i++)
        {
            using var response = await _app.PostUpdateAsync(Call(from, i, ids[i - 1]));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        return ids;
    }

    private Task<List<string>> NotesAsync() =>
        _app.QueryAsync(db => db.Touches.OrderBy(t => t.Id).Select(t => t.Note).Where(n => n.StartsWith("заметка")).ToListAsync());

    private Task<int> OutboxCountAsync(long chatId, string text) =>
        _app.QueryAsync(db => db.Outbox.CountAsync(m => m.ChatId == chatId && m.Payload.Contains(text)));

    /// <summary>What the worker does runs in the background: polls until it holds, or gives the last value to fail on.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}

public sealed class BurstTestsOnSqlite() : BurstTests(TestDatabase.Sqlite());

[Postgres]
public sealed class BurstTestsOnPostgres() : BurstTests(TestDatabase.Postgres());

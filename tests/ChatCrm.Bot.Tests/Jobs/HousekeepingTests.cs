using ChatCrm.Bot.Data;
using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Jobs;

public sealed class HousekeepingTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Old_markers_delivered_messages_and_undo_entries_are_removed_hourly_and_pending_ones_never()
    {
        await _app.QueryAsync(async db =>
        {
            db.ProcessedUpdates.AddRange(
                new ProcessedUpdate { UpdateId = 1, ProcessedAt = Now.AddDays(-8) },
                new ProcessedUpdate { UpdateId = 2, ProcessedAt = Now.AddDays(-1) });
            // The pending row waits for a retry far ahead, so the running dispatcher leaves it alone too.
            var pending = OutboxMessage.Create(1, OutboxKind.Message, "{}", "old-pending", 1, Now.AddDays(-31));
            pending.ScheduleRetry(1, DateTime.UtcNow.AddYears(1));
            db.Outbox.AddRange(
                OutboxMessage.Create(1, OutboxKind.Message, "{}", "old-sent", 1, Now.AddDays(-31)),
                pending,
                OutboxMessage.Create(1, OutboxKind.Message, "{}", "recent-sent", 1, Now.AddDays(-2)));
            var admin = await db.Users.SingleAsync(u => u.TelegramId == ChatCrmApp.AdminId);
            db.UndoLog.AddRange(
                UndoEntry.Record(admin.Id, UndoEntry.Irreversible, "", "old", Now.AddDays(-2)),
                UndoEntry.Record(admin.Id, UndoEntry.Irreversible, "", "recent", Now.AddMinutes(-5)));
            await db.SaveChangesAsync();
            return await db.Outbox.Where(m => m.DedupKey != "old-pending")
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent));
        });

        var notOnTheHour = await RunAsync(Now.AddMinutes(7));
        var onTheHour = await RunAsync(Now);

        notOnTheHour.Should().Be(0);
        onTheHour.Should().Be(3);
        (await _app.QueryAsync(db => db.ProcessedUpdates.Select(p => p.UpdateId).ToListAsync())).Should().Equal(2);
        (await _app.QueryAsync(db => db.Outbox.Select(m => m.DedupKey).ToListAsync())).Should().BeEquivalentTo("old-pending", "recent-sent");
        (await _app.QueryAsync(db => db.UndoLog.Select(u => u.Description).ToListAsync())).Should().Equal("recent");
    }

    [Fact]
    public async Task The_boards_sign_in_codes_and_sessions_go_a_day_after_they_expired_or_ended()
    {
        await _app.QueryAsync(async db =>
        {
            var admin = await db.Users.SingleAsync(u => u.TelegramId == ChatCrmApp.AdminId);
            var lifetime = TimeSpan.FromMinutes(10);
            db.WebLoginCodes.AddRange(WebLoginCode.Issue(admin.Id, Now.AddDays(-2), lifetime).Row, WebLoginCode.Issue(admin.Id, Now.AddHours(-2), lifetime).Row);
            var ended = WebSession.Start(admin.Id, Now.AddDays(-3), TimeSpan.FromDays(30)).Row;
            ended.End(Now.AddDays(-2));
            var expired = WebSession.Start(admin.Id, Now.AddDays(-3), TimeSpan.FromHours(12)).Row;
            var live = WebSession.Start(admin.Id, Now.AddHours(-1), TimeSpan.FromHours(12)).Row;
            var endedToday = WebSession.Start(admin.Id, Now.AddHours(-3), TimeSpan.FromHours(12)).Row;
            endedToday.End(Now.AddHours(-2));
            db.WebSessions.AddRange(ended, expired, live, endedToday);
            return await db.SaveChangesAsync();
        });

        var removed = await RunAsync(Now);

        removed.Should().Be(3);
        (await _app.QueryAsync(db => db.WebLoginCodes.Select(c => c.CreatedAt).ToListAsync())).Should().Equal(Now.AddHours(-2));
        (await _app.QueryAsync(db => db.WebSessions.OrderBy(s => s.Id).Select(s => s.CreatedAt).ToListAsync()))
            .Should().Equal(Now.AddHours(-1), Now.AddHours(-3));
    }

    [Fact]
    public async Task The_hourly_run_gives_SQLite_s_planner_statistics_for_what_the_digest_reads()
    {
        // Without statistics SQLite read the digest's open deals per stage through the wrong index, ten times slower
        // at scale (benchmarks README). A few hundred rows are enough for it to record the tables' shapes.
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) " +
            "INSERT INTO ProcessedUpdates (UpdateId, ProcessedAt) SELECT i + 1000, '2026-11-27 09:00:00' FROM n"));
        var analyzed = () => _app.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT tbl AS Value FROM sqlite_stat1 WHERE tbl = 'ProcessedUpdates'").ToListAsync());

        await RunAsync(Now.AddMinutes(7));
        var before = await _app.QueryAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync());
        await RunAsync(Now);

        before.Should().Be(0, "nothing analyzes off the hour");
        (await analyzed()).Should().NotBeEmpty();
    }

    private async Task<int> RunAsync(DateTime now)
    {
        var removed = 0;
        await _app.QueryAsync(async db => removed = await new Housekeeping(db).RunAsync(now, CancellationToken.None));
        return removed;
    }
}

using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.EndToEnd;

/// <summary>A manager's whole day in one conversation, the way issue 3 describes it, in Russian.</summary>
[EndToEnd]
public abstract class ManagerDayTests(TestDatabase database) : IAsyncLifetime
{
    // Wednesday 25 November 2026, 10:00 in Moscow.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseFact]
    public async Task A_manager_creates_a_client_logs_a_call_opens_moves_and_loses_a_deal_and_sees_it_all()
    {
        var ivan = await Chat.JoinAsync(_app, 2002);

        (await ivan.LastAsync("/client Ромашка, 8 900 123-45-67")).Text.Should().Contain("Ромашка");
        var call = await ivan.LastAsync("/call Ромашка обсудили цену далее завтра 15:00");
        call.Text.Should().Contain("Звонок").And.Contain("Ромашка").And.Contain("завтра").And.Contain("15:00");

        var planned = await _app.QueryAsync(db => db.Touches.SingleAsync(a => a.Status == TouchStatus.Planned));
        planned.PlannedFor.Should().Be(new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc), "15:00 in Moscow is 12:00 UTC");

        var opened = await ivan.LastAsync("/deal Ромашка 150к поставка станков");
        opened.Text.Should().Contain("150 000 ₽");
        var deal = await _app.QueryAsync(db => db.Deals.SingleAsync());
        deal.Amount.Should().Be(150_000m);

        var moved = (await ivan.TapAsync(opened.Button("Предложение")))[^1];
        moved.Text.Should().Contain("Предложение");
        (await _app.QueryAsync(db => db.StageChanges.CountAsync(c => c.DealId == deal.Id && c.Kind == StageChangeKind.Moved))).Should().Be(1);

        var why = await ivan.LastAsync($"/lost {deal.Id}");
        why.Text.Should().Contain("Почему");
        (await _app.QueryAsync(db => db.Deals.SingleAsync())).Status.Should().Be(DealStatus.Open, "a lost deal always gets a reason first");
        await ivan.TapAsync(why.Button("Конкурент"));
        var lost = await _app.QueryAsync(db => db.Deals.SingleAsync());
        lost.Status.Should().Be(DealStatus.Lost);
        lost.LostReasonId.Should().NotBeNull();

        (await ivan.LastAsync("/week")).Text.Should().Contain("Ромашка").And.Contain("15:00");
        var card = await ivan.LastAsync("/card Ромашка");
        card.Text.Should().Contain("обсудили цену").And.Contain("+7 900 123-45-67").And.Contain("завтра");
        card.Text.Length.Should().BeLessThanOrEqualTo(4096);
    }
}

public sealed class ManagerDayTestsOnSqlite() : ManagerDayTests(TestDatabase.Sqlite());

[EndToEnd, Postgres]
public sealed class ManagerDayTestsOnPostgres() : ManagerDayTests(TestDatabase.Postgres());

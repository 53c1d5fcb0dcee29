using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Jobs;

public abstract class RemindersAndObligationsTests(TestDatabase database) : IAsyncLifetime
{
    private const string Moscow = "Europe/Moscow";
    private ScheduleWorld _w = null!;
    private User _manager = null!;

    public async Task InitializeAsync()
    {
        _w = await StartAsync(database: database);
        _manager = await _w.UserAsync(3001, Role.Manager, Moscow, name: "Иван");
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await database.DropAsync();
    }

    private async Task<List<string>> KeysAsync(string prefix) =>
        (await _w.KeysAsync(_manager.ChatId)).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    [DatabaseFact]
    public async Task A_contact_is_reminded_a_quarter_of_an_hour_before_and_again_after_it_is_postponed()
    {
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        var call = await _w.PlanAsync(client, _manager.Id, At(Moscow, 2026, 12, 1, 15, 0), "про скидку");

        await _w.TickAsync(At(Moscow, 2026, 12, 1, 14, 44));
        (await KeysAsync("remind:")).Should().BeEmpty();
        await _w.TickAsync(At(Moscow, 2026, 12, 1, 14, 45));
        await _w.TickAsync(At(Moscow, 2026, 12, 1, 14, 46));

        var reminder = (await _w.OutboxAsync(_manager.ChatId)).Single(m => m.DedupKey!.StartsWith("remind:", StringComparison.Ordinal));
        Text(reminder).Should().Contain("В 15:00 — звонок: <b>Ромашка</b> — про скидку");
        Buttons(reminder).Select(b => b.Data).Should().Equal(MarkContactDone.Data(call.Id), PostponeContact.Data(call.Id, "h"), RescheduleContact.Data(call.Id));

        await _w.TapAsync(_manager.TelegramId, PostponeContact.Data(call.Id, "h"));
        (await _w.DbAsync(db => db.Touches.SingleAsync(a => a.Id == call.Id))).PlannedFor.Should().Be(At(Moscow, 2026, 12, 1, 15, 46));
        await _w.TickAsync(At(Moscow, 2026, 12, 1, 15, 31));
        (await KeysAsync("remind:")).Should().HaveCount(2, "the postponed contact is reminded about at its new time");
    }

    [DatabaseFact]
    public async Task Reschedule_offers_days_and_keeps_the_time_of_day()
    {
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        var call = await _w.PlanAsync(client, _manager.Id, At(Moscow, 2026, 12, 1, 15, 0));
        _w.Clock.SetUtcNow(At(Moscow, 2026, 12, 1, 14, 50));

        await _w.TapAsync(_manager.TelegramId, RescheduleContact.Data(call.Id));
        await _w.TapAsync(_manager.TelegramId, RescheduleContact.Data(call.Id, 3));

        (await _w.DbAsync(db => db.Touches.SingleAsync(a => a.Id == call.Id))).PlannedFor.Should().Be(At(Moscow, 2026, 12, 4, 15, 0));
    }

    [DatabaseFact]
    public async Task A_done_contact_is_not_done_twice()
    {
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        var call = await _w.PlanAsync(client, _manager.Id, At(Moscow, 2026, 12, 1, 15, 0));
        _w.Clock.SetUtcNow(At(Moscow, 2026, 12, 1, 15, 5));

        await _w.TapAsync(_manager.TelegramId, MarkContactDone.Data(call.Id));
        await _w.TapAsync(_manager.TelegramId, MarkContactDone.Data(call.Id));

        (await _w.DbAsync(db => db.Touches.CountAsync(a => a.ClientId == client.Id && a.Status == TouchStatus.Done))).Should().Be(1);
        await _w.App.Api.WaitForAsync(c => c.Any(x => x.Text?.Contains("Это уже сделано") == true), because: "the second tap is told it is stale");
    }

    [DatabaseFact]
    public async Task Done_under_a_reminder_asks_for_the_next_step_of_an_open_deal_and_undo_plans_the_contact_again()
    {
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        await _w.DealAsync(client, 90_000, At(Moscow, 2026, 11, 25, 12, 0));
        var call = await _w.PlanAsync(client, _manager.Id, At(Moscow, 2026, 12, 1, 15, 0));
        _w.Clock.SetUtcNow(At(Moscow, 2026, 12, 1, 15, 5));

        await _w.TapAsync(_manager.TelegramId, MarkContactDone.Data(call.Id));

        var asked = await _w.App.Api.WaitForAsync(c => c.Any(x => x.Text?.Contains("Когда следующий контакт") == true), because: "an open deal waits for a next step");
        asked.Should().Contain(x => x.Text != null && x.Text.StartsWith("✅ Звонок: Ромашка", StringComparison.Ordinal));
        (await _w.DbAsync(db => db.Touches.SingleAsync(a => a.Id == call.Id))).Status.Should().Be(TouchStatus.Done);

        await _w.App.SendAsync(Updates.Text(_manager.TelegramId, "/undo"));
        await _w.App.Api.WaitForAsync(c => c.Any(x => x.Text?.Contains("Отменено: Звонок: Ромашка") == true), because: "the tap is taken back");
        var again = await _w.DbAsync(db => db.Touches.SingleAsync(a => a.Id == call.Id));
        again.Status.Should().Be(TouchStatus.Planned);
        again.PlannedFor.Should().Be(At(Moscow, 2026, 12, 1, 15, 0));
        (await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Id == client.Id))).LastTouchAt.Should().BeNull("the call never happened after all");
    }

    [DatabaseFact]
    public async Task A_payment_due_today_reminds_the_manager_and_three_days_late_the_head()
    {
        var head = await _w.UserAsync(3009, Role.Head, Moscow, name: "Ольга");
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        var deal = await _w.DealAsync(client, 300_000, At(Moscow, 2026, 11, 1, 10, 0));
        await _w.ChangeAsync(async db =>
        {
            var d = await db.Deals.SingleAsync(x => x.Id == deal.Id);
            db.Obligations.Add(Obligation.ExpectPayment(d, 120_000, At(Moscow, 2026, 12, 1, 18, 0), _manager.Id, Joined));
        });

        await _w.TickAsync(At(Moscow, 2026, 12, 1, 9, 0));
        (await KeysAsync("pay:")).Should().ContainSingle(k => k.EndsWith(":due", StringComparison.Ordinal));
        await _w.TickAsync(At(Moscow, 2026, 12, 2, 9, 0));
        (await KeysAsync("pay:")).Should().Contain(k => k.EndsWith(":late", StringComparison.Ordinal));
        (await _w.KeysAsync(head.ChatId)).Should().NotContain(k => k.StartsWith("pay:", StringComparison.Ordinal));

        await _w.TickAsync(At(Moscow, 2026, 12, 4, 9, 0));
        var toHead = (await _w.OutboxAsync(head.ChatId)).Single(m => m.DedupKey!.StartsWith("pay:", StringComparison.Ordinal));
        Text(toHead).Should().Contain("<b>Иван</b>: оплата по сделке #1 Ромашка просрочена на 3 дня");
        (await KeysAsync("pay:")).Should().HaveCount(2, "the manager was told on the due day and once when it was late");
    }

    [DatabaseFact]
    public async Task A_won_deal_paid_but_not_shipped_reminds_the_manager_once()
    {
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        var deal = await _w.DealAsync(client, 50_000, At(Moscow, 2026, 11, 1, 10, 0));
        await _w.ChangeAsync(async db =>
        {
            var d = await db.Deals.SingleAsync(x => x.Id == deal.Id);
            db.StageChanges.Add(d.Win(null, At(Moscow, 2026, 11, 28, 10, 0), _manager.Id));
            db.Obligations.Add(Obligation.RecordPayment(d, 50_000, At(Moscow, 2026, 11, 29, 10, 0), _manager.Id, At(Moscow, 2026, 11, 29, 10, 0)));
        });

        await _w.TickAsync(At(Moscow, 2026, 12, 1, 9, 0));
        await _w.TickAsync(At(Moscow, 2026, 12, 2, 9, 0));

        (await KeysAsync("ship:")).Should().Equal($"ship:{deal.Id}");
    }

    [DatabaseFact]
    public async Task A_late_shipment_alerts_the_manager_once_and_three_days_late_the_head_until_it_is_shipped()
    {
        var head = await _w.UserAsync(3009, Role.Head, Moscow, name: "Ольга", language: Language.En);
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        var deal = await _w.DealAsync(client, 300_000, At(Moscow, 2026, 11, 1, 10, 0));
        await _w.ChangeAsync(async db =>
        {
            var d = await db.Deals.SingleAsync(x => x.Id == deal.Id);
            db.Obligations.Add(Obligation.ExpectShipment(d, At(Moscow, 2026, 12, 1, 18, 0), _manager.Id, Joined));
        });

        await _w.TickAsync(At(Moscow, 2026, 12, 1, 9, 0));
        (await KeysAsync("shiplate:")).Should().BeEmpty("the day it is due is not late yet");

        await _w.TickAsync(At(Moscow, 2026, 12, 2, 9, 0));
        var toManager = (await _w.OutboxAsync(_manager.ChatId)).Single(m => m.DedupKey!.StartsWith("shiplate:", StringComparison.Ordinal));
        Text(toManager).Should().Be($"⚠️ Отгрузка по сделке #{deal.Id} Ромашка просрочена на 1 день: срок был 1 декабря. Отгрузили — отметьте: /shipped {deal.Id}");
        (await _w.KeysAsync(head.ChatId)).Should().NotContain(k => k.StartsWith("shiplate:", StringComparison.Ordinal));

        await _w.TickAsync(At(Moscow, 2026, 12, 3, 9, 0));
        (await _w.KeysAsync(head.ChatId)).Should().NotContain(k => k.StartsWith("shiplate:", StringComparison.Ordinal), "two days late is the manager's");

        await _w.TickAsync(At(Moscow, 2026, 12, 4, 9, 0));
        var toHead = (await _w.OutboxAsync(head.ChatId)).Single(m => m.DedupKey!.StartsWith("shiplate:", StringComparison.Ordinal));
        Text(toHead).Should().Be($"🚨 <b>Иван</b>: shipment for deal #{deal.Id} Ромашка is 3 days late, it was due December 1.");
        (await KeysAsync("shiplate:")).Should().HaveCount(1, "the manager is told once");

        await _w.ChangeAsync(async db =>
        {
            var d = await db.Deals.SingleAsync(x => x.Id == deal.Id);
            db.Obligations.Add(Obligation.RecordShipment(d, At(Moscow, 2026, 12, 4, 12, 0), _manager.Id, At(Moscow, 2026, 12, 4, 12, 0)));
            await db.SaveChangesAsync();
            Obligation.Settle(await db.Obligations.Where(o => o.DealId == d.Id).ToListAsync());
        });
        var head2 = await _w.UserAsync(3010, Role.Head, Moscow, name: "Анна");
        await _w.TickAsync(At(Moscow, 2026, 12, 7, 9, 0));
        (await _w.KeysAsync(head2.ChatId)).Should().NotContain(k => k.StartsWith("shiplate:", StringComparison.Ordinal), "it has shipped");
    }

    [DatabaseFact]
    public async Task A_paid_deal_with_a_shipment_date_ahead_is_not_nagged_to_ship()
    {
        var client = await _w.ClientAsync("Ромашка", _manager.Id);
        var deal = await _w.DealAsync(client, 50_000, At(Moscow, 2026, 11, 1, 10, 0));
        await _w.ChangeAsync(async db =>
        {
            var d = await db.Deals.SingleAsync(x => x.Id == deal.Id);
            db.StageChanges.Add(d.Win(null, At(Moscow, 2026, 11, 28, 10, 0), _manager.Id));
            db.Obligations.Add(Obligation.RecordPayment(d, 50_000, At(Moscow, 2026, 11, 29, 10, 0), _manager.Id, At(Moscow, 2026, 11, 29, 10, 0)));
            db.Obligations.Add(Obligation.ExpectShipment(d, At(Moscow, 2026, 12, 10, 18, 0), _manager.Id, At(Moscow, 2026, 11, 29, 10, 0)));
        });

        await _w.TickAsync(At(Moscow, 2026, 12, 1, 9, 0));
        await _w.TickAsync(At(Moscow, 2026, 12, 2, 9, 0));

        (await KeysAsync("ship")).Should().BeEmpty("the manager has said when it ships, and that day has not come");
    }
}

public sealed class RemindersAndObligationsTestsOnSqlite() : RemindersAndObligationsTests(TestDatabase.Sqlite());

[Postgres]
public sealed class RemindersAndObligationsTestsOnPostgres() : RemindersAndObligationsTests(TestDatabase.Postgres());

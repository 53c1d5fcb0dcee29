using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Jobs;

public abstract class ForgottenClientTests(TestDatabase database) : IAsyncLifetime
{
    private const string Moscow = "Europe/Moscow";
    private static readonly DateTime Monday = At(Moscow, 2026, 11, 30, 9, 0);
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

    private async Task<Client> ClientWithDealAsync(string name, int daysSinceTouch, int stagePosition = 1, long? owner = null)
    {
        var client = await _w.ClientAsync(name, owner ?? _manager.Id);
        await _w.DealAsync(client, 100_000, Monday.AddDays(-40), stagePosition);
        await _w.TouchAsync(client, owner ?? _manager.Id, Monday.AddDays(-daysSinceTouch));
        return client;
    }

    private async Task<List<string>> NudgedAsync(DateTime day) =>
        (await _w.KeysAsync(_manager.ChatId)).Where(k => k.StartsWith("nudge:", StringComparison.Ordinal) && k.EndsWith(Due.Key(DateOnly.FromDateTime(day.AddHours(3))), StringComparison.Ordinal)).ToList();

    [DatabaseFact]
    public async Task A_client_untouched_longer_than_the_company_threshold_is_nudged_once_a_day()
    {
        var forgotten = await ClientWithDealAsync("Ромашка", 8);
        await ClientWithDealAsync("Лилия", 6);
        var noDeal = await _w.ClientAsync("Без сделки", _manager.Id, Monday.AddDays(-60));
        var planned = await ClientWithDealAsync("С планом", 20);
        await _w.PlanAsync(planned, _manager.Id, Monday.AddDays(2));

        await _w.TickAsync(Monday);
        await _w.TickAsync(Monday.AddHours(2));

        (await NudgedAsync(Monday)).Should().Equal(MorningRound.NudgeKey(forgotten.Id, new DateOnly(2026, 11, 30)));
        var nudge = (await _w.OutboxAsync(_manager.ChatId)).Single(m => m.DedupKey!.StartsWith("nudge:", StringComparison.Ordinal));
        Text(nudge).Should().Contain("<b>Ромашка</b>: без касаний 8 дней").And.Contain("100\u00A0000", "amounts are grouped the Russian way");
        Buttons(nudge).Select(b => b.Data).Should().BeEquivalentTo([
            LogCallFromNudge.Data(forgotten.Id), PlanFromNudge.Data(forgotten.Id), SnoozeClient.Data(forgotten.Id),
            LoseClient.Data(forgotten.Id), HandOverClient.Data(forgotten.Id)]);
        noDeal.Id.Should().BePositive();

        await _w.TickAsync(Monday.AddDays(1));
        (await NudgedAsync(Monday.AddDays(1))).Should().ContainSingle("the next working day brings the next nudge");
    }

    [DatabaseFact]
    public async Task A_stage_with_its_own_days_makes_a_client_forgotten_sooner()
    {
        await _w.ChangeAsync(async db => (await db.Stages.SingleAsync(s => s.Position == 3)).SetForgottenAfterDays(3));
        var proposal = await ClientWithDealAsync("В предложении", 4, stagePosition: 3);
        await ClientWithDealAsync("В квалификации", 4, stagePosition: 2);

        await _w.TickAsync(Monday);

        (await NudgedAsync(Monday)).Should().Equal(MorningRound.NudgeKey(proposal.Id, new DateOnly(2026, 11, 30)));
    }

    [DatabaseFact]
    public async Task A_nudge_ignored_for_three_days_goes_to_the_head_with_the_history_and_the_head_can_reassign()
    {
        var head = await _w.UserAsync(3009, Role.Head, Moscow, name: "Ольга");
        var petr = await _w.UserAsync(3002, Role.Manager, Moscow, name: "Пётр");
        var client = await ClientWithDealAsync("Ромашка", 9);

        for (var day = 0; day < 3; day++)
        {
            await _w.TickAsync(Monday.AddDays(day));
            (await _w.KeysAsync(head.ChatId)).Should().NotContain(k => k.StartsWith("esc:", StringComparison.Ordinal), $"day {day + 1} is too early");
        }

        await _w.TickAsync(Monday.AddDays(3));

        var escalation = (await _w.OutboxAsync(head.ChatId)).Single(m => m.DedupKey!.StartsWith("esc:", StringComparison.Ordinal));
        Text(escalation).Should().Contain("<b>Ромашка</b> забыт: <b>Иван</b>").And.Contain("4 напоминания").And.Contain("21 ноября — звонок");
        (await _w.OutboxAsync(ChatCrm.Bot.Tests.Infrastructure.ChatCrmApp.AdminId)).Should().Contain(m => m.DedupKey!.StartsWith("esc:", StringComparison.Ordinal), "the admin is a head too");
        await _w.TickAsync(Monday.AddDays(3).AddHours(1));
        (await _w.OutboxAsync(head.ChatId)).Count(m => m.DedupKey!.StartsWith("esc:", StringComparison.Ordinal)).Should().Be(1);

        await _w.TapAsync(head.TelegramId, HandOverClient.Data(client.Id));
        await _w.TapAsync(head.TelegramId, HandOverClient.Data(client.Id, petr.Id));

        (await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Id == client.Id))).OwnerUserId.Should().Be(petr.Id);
        (await _w.DbAsync(db => db.Deals.SingleAsync(d => d.ClientId == client.Id))).OwnerUserId.Should().Be(petr.Id);
        await _w.App.Api.WaitForAsync(c => c.Any(x => x.ChatId == petr.ChatId && x.Text?.Contains("передал вам клиента <b>Ромашка</b>") == true),
            TimeSpan.FromSeconds(20), "the new owner is told, after the plans queued for that chat");
    }

    [DatabaseFact]
    public async Task Log_a_call_ends_the_nudges()
    {
        var client = await ClientWithDealAsync("Ромашка", 9);
        await _w.TickAsync(Monday);

        await _w.TapAsync(_manager.TelegramId, LogCallFromNudge.Data(client.Id));

        (await _w.DbAsync(db => db.Touches.CountAsync(a => a.ClientId == client.Id && a.Status == TouchStatus.Done && a.HappenedAt == Monday))).Should().Be(1);
        await _w.TickAsync(Monday.AddDays(1));
        (await NudgedAsync(Monday.AddDays(1))).Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Plan_offers_days_and_plans_a_call_which_ends_the_nudges()
    {
        var client = await ClientWithDealAsync("Ромашка", 9);
        await _w.TickAsync(Monday);

        await _w.TapAsync(_manager.TelegramId, PlanFromNudge.Data(client.Id));
        (await _w.App.Api.WaitForAsync(c => c.Any(x => x.Method == "editMessageText"))).Last(x => x.Method == "editMessageText")
            .Body["reply_markup"]!.ToJsonString().Should().Contain(PlanFromNudge.Data(client.Id, 3));
        await _w.TapAsync(_manager.TelegramId, PlanFromNudge.Data(client.Id, 3));

        var planned = await _w.DbAsync(db => db.Touches.SingleAsync(a => a.ClientId == client.Id && a.Status == TouchStatus.Planned));
        planned.PlannedFor.Should().Be(At(Moscow, 2026, 12, 3, 10, 0));
        (await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Id == client.Id))).NextContactAt.Should().Be(At(Moscow, 2026, 12, 3, 10, 0));
        await _w.TickAsync(Monday.AddDays(1));
        (await NudgedAsync(Monday.AddDays(1))).Should().BeEmpty("a contact is planned ahead");
    }

    [DatabaseFact]
    public async Task Snooze_asks_why_and_until_when_and_keeps_quiet_until_then()
    {
        var client = await ClientWithDealAsync("Ромашка", 9);
        await _w.TickAsync(Monday);

        await _w.TapAsync(_manager.TelegramId, SnoozeClient.Data(client.Id));
        await _w.TapAsync(_manager.TelegramId, SnoozeClient.Data(client.Id, (int)SnoozeReason.WaitingForThem));
        await _w.TapAsync(_manager.TelegramId, SnoozeClient.Data(client.Id, (int)SnoozeReason.WaitingForThem, 7));

        var streak = await _w.DbAsync(db => db.ClientNudges.SingleAsync(n => n.ClientId == client.Id));
        streak.SnoozeReason.Should().Be(SnoozeReason.WaitingForThem);
        streak.SnoozedUntil.Should().Be(At(Moscow, 2026, 12, 7, 0, 0));
        await _w.TickAsync(Monday.AddDays(1));
        (await NudgedAsync(Monday.AddDays(1))).Should().BeEmpty();
        await _w.TickAsync(Monday.AddDays(7));
        (await NudgedAsync(Monday.AddDays(7))).Should().ContainSingle("the snooze is over");
    }

    [DatabaseFact]
    public async Task Lost_asks_for_a_reason_and_closes_the_open_deals_with_it()
    {
        var client = await ClientWithDealAsync("Ромашка", 9);
        await _w.TickAsync(Monday);
        var price = await _w.DbAsync(db => db.LostReasons.SingleAsync(r => r.Name == "Цена"));

        await _w.TapAsync(_manager.TelegramId, LoseClient.Data(client.Id));
        await _w.TapAsync(_manager.TelegramId, LoseClient.Data(client.Id, price.Id));

        var deal = await _w.DbAsync(db => db.Deals.SingleAsync(d => d.ClientId == client.Id));
        deal.Status.Should().Be(DealStatus.Lost);
        deal.LostReasonId.Should().Be(price.Id);
        (await _w.DbAsync(db => db.StageChanges.CountAsync(c => c.DealId == deal.Id && c.Kind == StageChangeKind.Lost))).Should().Be(1);
        await _w.TickAsync(Monday.AddDays(1));
        (await NudgedAsync(Monday.AddDays(1))).Should().BeEmpty("no open deal, nothing to forget");
    }

    [DatabaseFact]
    public async Task A_button_for_someone_elses_client_or_a_missing_one_changes_nothing()
    {
        var petr = await _w.UserAsync(3002, Role.Manager, Moscow, name: "Пётр");
        var client = await ClientWithDealAsync("Ромашка", 9);

        await _w.TapAsync(petr.TelegramId, LogCallFromNudge.Data(client.Id));
        await _w.TapAsync(petr.TelegramId, HandOverClient.Data(client.Id, petr.Id));
        await _w.TapAsync(_manager.TelegramId, LogCallFromNudge.Data(999_999));

        (await _w.DbAsync(db => db.Touches.CountAsync(a => a.ClientId == client.Id))).Should().Be(1);
        (await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Id == client.Id))).OwnerUserId.Should().Be(_manager.Id);
        _w.App.Api.Calls.Where(c => c.Method == "answerCallbackQuery").Should().OnlyContain(c => c.Body["text"]!.ToString().Length > 0, "each stale tap is explained");
    }
}

public sealed class ForgottenClientTestsOnSqlite() : ForgottenClientTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ForgottenClientTestsOnPostgres() : ForgottenClientTests(TestDatabase.Postgres());

using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Jobs;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Jobs;

public abstract class MorningPlanTests(TestDatabase database) : IAsyncLifetime
{
    private const string Moscow = "Europe/Moscow";
    private const string Vladivostok = "Asia/Vladivostok";
    private const string Berlin = "Europe/Berlin";
    private ScheduleWorld _w = null!;

    public async Task InitializeAsync() => _w = await StartAsync(database: database);

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await database.DropAsync();
    }

    private async Task<bool> HasPlanAsync(User user, int year, int month, int day) =>
        (await _w.KeysAsync(user.ChatId)).Contains(MorningRound.PlanKey(user.Id, new DateOnly(year, month, day)));

    [DatabaseFact]
    public async Task The_plan_arrives_at_nine_local_time_in_Moscow_Vladivostok_and_Berlin()
    {
        var moscow = await _w.UserAsync(3001, Role.Manager, Moscow);
        var vladivostok = await _w.UserAsync(3002, Role.Manager, Vladivostok);
        var berlin = await _w.UserAsync(3003, Role.Manager, Berlin);

        // Monday 30 November: 09:00 is 23:00 UTC on Sunday in Vladivostok, 06:00 UTC in Moscow, 08:00 UTC in Berlin.
        await _w.TickAsync(Utc(2026, 11, 29, 22, 59));
        (await _w.OutboxAsync(vladivostok.ChatId)).Should().BeEmpty("08:59 in Vladivostok is too early");
        await _w.TickAsync(Utc(2026, 11, 29, 23, 0));
        (await HasPlanAsync(vladivostok, 2026, 11, 30)).Should().BeTrue();
        (await _w.OutboxAsync(moscow.ChatId)).Should().BeEmpty("it is still Sunday night in Moscow");

        await _w.TickAsync(Utc(2026, 11, 30, 5, 59));
        (await _w.OutboxAsync(moscow.ChatId)).Should().BeEmpty();
        await _w.TickAsync(Utc(2026, 11, 30, 6, 0));
        (await HasPlanAsync(moscow, 2026, 11, 30)).Should().BeTrue();
        (await _w.OutboxAsync(berlin.ChatId)).Should().BeEmpty("it is 07:00 in Berlin");

        await _w.TickAsync(Utc(2026, 11, 30, 8, 0));
        (await HasPlanAsync(berlin, 2026, 11, 30)).Should().BeTrue();
        foreach (var user in new[] { moscow, vladivostok, berlin })
        {
            (await _w.OutboxAsync(user.ChatId)).Should().ContainSingle("one plan a day, however many ticks");
        }

        var delivered = await _w.App.Api.WaitForMessagesAsync(berlin.ChatId);
        delivered[0].Text.Should().Contain("План на 30 ноября, понедельник");
    }

    [DatabaseFact]
    public async Task Quiet_hours_defer_the_plan_until_they_end_and_drop_it_after_the_morning()
    {
        var early = await _w.UserAsync(3001, Role.Manager, Moscow, quiet: "21:00-10:30");
        var late = await _w.UserAsync(3002, Role.Manager, Moscow, quiet: "21:00-12:30");

        await _w.TickAsync(At(Moscow, 2026, 11, 30, 9, 0));
        await _w.TickAsync(At(Moscow, 2026, 11, 30, 10, 29));
        (await _w.OutboxAsync(early.ChatId)).Should().BeEmpty("the bot keeps quiet until 10:30");

        await _w.TickAsync(At(Moscow, 2026, 11, 30, 10, 30));
        (await HasPlanAsync(early, 2026, 11, 30)).Should().BeTrue();

        await _w.TickAsync(At(Moscow, 2026, 11, 30, 12, 30));
        (await _w.OutboxAsync(late.ChatId)).Should().BeEmpty("by 12:30 the morning plan is no longer useful");
    }

    [DatabaseFact]
    public async Task The_weekend_has_no_plan()
    {
        var manager = await _w.UserAsync(3001, Role.Manager, Moscow);

        await _w.TickAsync(At(Moscow, 2026, 12, 5, 9, 0));
        await _w.TickAsync(At(Moscow, 2026, 12, 6, 9, 0));

        (await _w.OutboxAsync(manager.ChatId)).Should().BeEmpty();
        await _w.TickAsync(At(Moscow, 2026, 12, 7, 9, 0));
        (await HasPlanAsync(manager, 2026, 12, 7)).Should().BeTrue();
    }

    [DatabaseFact]
    public async Task After_a_restart_past_the_fire_time_the_plan_is_sent_once_and_a_second_run_sends_nothing()
    {
        var manager = await _w.UserAsync(3001, Role.Manager, Moscow);

        // The bot was down from 08:00 to 11:20: the first tick after it comes back sends the missed plan.
        (await _w.TickAsync(At(Moscow, 2026, 12, 1, 11, 20))).Plans.Should().Be(1);
        (await _w.TickAsync(At(Moscow, 2026, 12, 1, 11, 20))).Total.Should().Be(0);
        (await _w.TickAsync(At(Moscow, 2026, 12, 1, 11, 21))).Total.Should().Be(0);
        (await _w.OutboxAsync(manager.ChatId)).Should().ContainSingle();

        // Down all day on Wednesday: at 20:00 the morning plan is stale and is not sent.
        (await _w.TickAsync(At(Moscow, 2026, 12, 2, 20, 0))).Plans.Should().Be(0);
        (await HasPlanAsync(manager, 2026, 12, 2)).Should().BeFalse();
    }

    [DatabaseFact]
    public async Task Someone_who_joined_today_gets_the_first_plan_tomorrow()
    {
        var fresh = await _w.UserAsync(3001, Role.Manager, Moscow, joined: At(Moscow, 2026, 12, 1, 8, 0));

        await _w.TickAsync(At(Moscow, 2026, 12, 1, 9, 0));
        (await _w.OutboxAsync(fresh.ChatId)).Should().BeEmpty();
        await _w.TickAsync(At(Moscow, 2026, 12, 2, 9, 0));
        (await HasPlanAsync(fresh, 2026, 12, 2)).Should().BeTrue();
    }

    [DatabaseTheory]
    [InlineData(2026, 3, 27, 8)]  // Friday before the spring change: CET, UTC+1
    [InlineData(2026, 3, 30, 7)]  // Monday after it: CEST, UTC+2
    [InlineData(2026, 10, 23, 7)] // Friday before the autumn change: CEST
    [InlineData(2026, 10, 26, 8)] // Monday after it: CET again
    public async Task Across_daylight_saving_changes_the_plan_stays_at_nine_Berlin_time(int year, int month, int day, int utcHour)
    {
        var berlin = await _w.UserAsync(3003, Role.Manager, Berlin, joined: Utc(2026, 1, 1, 0));

        await _w.TickAsync(Utc(year, month, day, utcHour - 1, 59));
        (await _w.OutboxAsync(berlin.ChatId)).Should().BeEmpty();
        await _w.TickAsync(Utc(year, month, day, utcHour, 0));
        (await HasPlanAsync(berlin, year, month, day)).Should().BeTrue();
    }

    [DatabaseTheory]
    [InlineData(2026, 3, 29, 1)]  // 02:30 does not exist that night: the clocks jump from 02:00 to 03:00
    [InlineData(2026, 10, 25, 0)] // 02:30 happens twice that night
    public async Task On_the_change_nights_a_digest_set_for_half_past_two_goes_out_exactly_once(int year, int month, int day, int firstUtcHour)
    {
        await using var w = await StartAsync(new Dictionary<string, string?> { ["Schedule:WeeklyDigestAt"] = "Sun 02:30" });
        var head = await w.UserAsync(3004, Role.Head, Berlin, joined: Utc(2026, 1, 1, 0));

        for (var t = Utc(year, month, day - 1, 22); t <= Utc(year, month, day, 6); t = t.AddMinutes(10))
        {
            await w.TickAsync(t);
        }

        var rows = await w.OutboxAsync(head.ChatId);
        rows.Select(r => r.DedupKey).Should().BeEquivalentTo([$"wdigest:{head.Id}:{year}{month:00}{day:00}", $"wdigest:{head.Id}:{year}{month:00}{day:00}:chart"]);
        rows.Select(r => r.CreatedAt).Distinct().Should().Equal([Utc(year, month, day, firstUtcHour, firstUtcHour == 0 ? 30 : 0)],
            "once, at the first moment the local clock reads 02:30 or later");
    }

    [DatabaseFact]
    public async Task The_plan_lists_today_overdue_forgotten_and_stuck_and_its_buttons_work()
    {
        var manager = await _w.UserAsync(3001, Role.Manager, Moscow, name: "Иван");
        var now = At(Moscow, 2026, 12, 2, 9, 0);
        var romashka = await _w.ClientAsync("Ромашка", manager.Id);
        var today = await _w.PlanAsync(romashka, manager.Id, At(Moscow, 2026, 12, 2, 15, 0), "про договор");
        var lilia = await _w.ClientAsync("Лилия", manager.Id);
        await _w.PlanAsync(lilia, manager.Id, At(Moscow, 2026, 11, 30, 11, 0));
        var dub = await _w.ClientAsync("Дуб", manager.Id);
        await _w.DealAsync(dub, 90_000, now.AddDays(-20));
        await _w.TouchAsync(dub, manager.Id, now.AddDays(-10));
        await _w.DbAsync(async db => { db.Norms.Add(TouchNorm.Create((await db.WorkTypes.SingleAsync(w => w.Code == "call")).Id, 20, NormPeriod.Day)); return await db.SaveChangesAsync(); });

        await _w.TickAsync(now);

        var plan = (await _w.OutboxAsync(manager.ChatId)).First(m => m.DedupKey!.StartsWith("plan:", StringComparison.Ordinal));
        var text = Text(plan);
        text.Should().Contain("Сегодня</b> (1)").And.Contain("15:00 Звонок: <b>Ромашка</b> — про договор");
        text.Should().Contain("Просрочено</b> (1)").And.Contain("<b>Лилия</b> — было на 30 ноября");
        text.Should().Contain("Забытые клиенты</b> (1)").And.Contain("<b>Дуб</b> — без касаний 10 дней");
        text.Should().Contain("засиделись на этапе</b> (1)").And.Contain("«Первый контакт» 20 дней (норма 3)");
        text.Should().Contain("Норма на сегодня: звонок 20");
        Buttons(plan).Select(b => b.Data).Should().Contain(MarkContactDone.Data(today.Id, fromPlan: true));

        await _w.TapAsync(manager.TelegramId, MarkContactDone.Data(today.Id, fromPlan: true));

        var done = await _w.DbAsync(db => db.Touches.SingleAsync(a => a.Id == today.Id));
        done.Status.Should().Be(TouchStatus.Done);
        (await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Id == romashka.Id))).LastTouchAt.Should().Be(now);
        var all = await _w.App.Api.WaitForAsync(c => c.Any(x => x.Text?.StartsWith("✅ Звонок: Ромашка", StringComparison.Ordinal) == true), because: "the confirmation");
        all.Should().Contain(m => m.ChatId == manager.ChatId && m.Text == "✅ Звонок: Ромашка", "no open deal waits for a next step");
    }

    [DatabaseFact]
    public async Task Snoozing_a_plan_item_moves_it_to_tomorrow_at_the_same_time()
    {
        var manager = await _w.UserAsync(3001, Role.Manager, Moscow);
        var client = await _w.ClientAsync("Ромашка", manager.Id);
        var planned = await _w.PlanAsync(client, manager.Id, At(Moscow, 2026, 12, 2, 15, 0));
        await _w.TickAsync(At(Moscow, 2026, 12, 2, 9, 0));

        await _w.TapAsync(manager.TelegramId, PostponeContact.Data(planned.Id, "d", fromPlan: true));

        (await _w.DbAsync(db => db.Touches.SingleAsync(a => a.Id == planned.Id))).PlannedFor.Should().Be(At(Moscow, 2026, 12, 3, 15, 0));
        (await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Id == client.Id))).NextContactAt.Should().Be(At(Moscow, 2026, 12, 3, 15, 0));
    }
}

public sealed class MorningPlanTestsOnSqlite() : MorningPlanTests(TestDatabase.Sqlite());

[Postgres]
public sealed class MorningPlanTestsOnPostgres() : MorningPlanTests(TestDatabase.Postgres());

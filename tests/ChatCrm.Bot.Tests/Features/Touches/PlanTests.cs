using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Touches;

/// <summary>It is Thursday 3 December 2026, 12:00 in Moscow (09:00 UTC); Ivan works in Europe/Moscow.</summary>
public abstract class PlanTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;
    private long _romashka;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
        _ivanId = await _ivan.UserIdAsync();
        _romashka = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now.AddDays(-30));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<Touch> PlannedAsync() => _app.QueryAsync(db => db.Touches.SingleAsync(a => a.Status == TouchStatus.Planned));

    [DatabaseFact]
    public async Task Plan_sets_a_contact_with_its_work_type_and_note()
    {
        var reply = await _ivan.LastAsync("/plan Ромашка пт 11:00 встреча обсудить договор");

        reply.Text.Should().Be("📅 Встреча: Ромашка — завтра, пт 4 декабря, 11:00");
        var planned = await PlannedAsync();
        planned.PlannedFor.Should().Be(new DateTime(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc));
        planned.Note.Should().Be("обсудить договор");
        (await _ivan.ClientAsync("Ромашка")).NextContactAt.Should().Be(planned.PlannedFor);
    }

    [DatabaseFact]
    public async Task Plan_without_a_readable_date_offers_the_quick_choices_and_stores_nothing()
    {
        var reply = await _ivan.LastAsync("/plan Ромашка когда-нибудь");

        reply.Text.Should().Contain("Не понял, когда: «когда-нибудь»");
        reply.Has("nx:").Should().BeTrue();
        (await _app.CountAsync<Touch>()).Should().Be(0);

        await _ivan.TapAsync(reply.Button("След. неделя"));
        (await PlannedAsync()).PlannedFor.Should().Be(new DateTime(2026, 12, 7, 7, 0, 0, DateTimeKind.Utc), "next Monday, 10:00 in Moscow");
    }

    [DatabaseFact]
    public async Task Undo_takes_a_planned_contact_back()
    {
        await _ivan.SayAsync("/plan Ромашка завтра 15:00");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: в плане: Звонок — Ромашка");
        (await _app.CountAsync<Touch>()).Should().Be(0);
        (await _ivan.ClientAsync("Ромашка")).NextContactAt.Should().BeNull();
    }

    [DatabaseFact]
    public async Task Today_shows_overdue_today_and_forgotten_with_done_and_snooze_buttons()
    {
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddDays(-1), Now.AddDays(-2), "давно обещали");
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(3), Now, "прислать КП");
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddDays(2), Now);
        var lyutik = await Seed.ClientAsync(_app, "Лютик", _ivanId, Now.AddDays(-40));
        await Seed.DealAsync(_app, lyutik, _ivanId, 90_000m, Now.AddDays(-30));
        await Seed.TouchAsync(_app, lyutik, _ivanId, Now.AddDays(-10));
        var fresh = await Seed.ClientAsync(_app, "Кактус", _ivanId, Now.AddDays(-40));
        await Seed.DealAsync(_app, fresh, _ivanId, 10_000m, Now.AddDays(-30));
        await Seed.TouchAsync(_app, fresh, _ivanId, Now.AddDays(-2));

        var plan = await _ivan.LastAsync("/today");

        plan.Text.Should().Contain("План на сегодня").And.Contain("Просрочено</b> (1)")
            .And.Contain("1. вчера, ср 2 декабря, 12:00 Звонок — <b>Ромашка</b> · давно обещали")
            .And.Contain("Сегодня</b> (1)").And.Contain("2. 15:00 Звонок — <b>Ромашка</b> · прислать КП")
            .And.Contain("Забытые клиенты</b> (1)").And.Contain("3. <b>Лютик</b> — без контакта 10 дней")
            .And.NotContain("Кактус").And.NotContain("5 декабря");
        plan.Buttons.Select(b => b.Label).Should().Contain(["✅ 1", "⏰ 1", "✅ 2", "⏰ 2", "✅ 3", "⏰ 3"]);
    }

    [DatabaseFact]
    public async Task Week_groups_the_next_seven_days_by_day()
    {
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(3), Now);
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddDays(2), Now, "демо");
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddDays(8), Now, "слишком далеко");

        var week = await _ivan.LastAsync("/week");

        week.Text.Should().Contain("План на неделю").And.Contain("Запланировано на 7 дней</b> (2)")
            .And.Contain("<i>сегодня, чт 3 декабря</i>").And.Contain("<i>сб, 5 декабря</i>")
            .And.Contain("2. 12:00 Звонок — <b>Ромашка</b> · демо")
            .And.NotContain("слишком далеко");
    }

    [DatabaseFact]
    public async Task An_empty_plan_says_how_to_plan()
    {
        (await _ivan.LastAsync("/today")).Text.Should().Contain("ничего — запланировать: /plan");
    }

    [DatabaseFact]
    public async Task Done_turns_the_planned_contact_into_a_touch_and_asks_for_the_next_step_on_an_open_deal()
    {
        await Seed.DealAsync(_app, _romashka, _ivanId, 150_000m, Now.AddDays(-10));
        var id = await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(-1), Now.AddDays(-1));

        var reply = await _ivan.TapAsync(MarkContactDone.Data(id, fromPlan: true));

        reply[^1].Text.Should().Contain("✅ Звонок: Ромашка").And.Contain("Когда следующий контакт");
        var done = await _app.QueryAsync(db => db.Touches.SingleAsync());
        done.Status.Should().Be(TouchStatus.Done);
        done.HappenedAt.Should().Be(Now);
        var client = await _ivan.ClientAsync("Ромашка");
        client.LastTouchAt.Should().Be(Now);
        client.NextContactAt.Should().BeNull();

        (await _ivan.TapAsync(MarkContactDone.Data(id, fromPlan: true)))[^1].Text.Should().Be("Это уже сделано — кнопка устарела.");
    }

    [DatabaseFact]
    public async Task Done_without_an_open_deal_does_not_nag()
    {
        var id = await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(-1), Now.AddDays(-1));

        var reply = await _ivan.TapAsync(MarkContactDone.Data(id, fromPlan: true));

        reply[^1].Text.Should().Be("✅ Звонок: Ромашка");
    }

    [DatabaseFact]
    public async Task Snooze_moves_a_contact_a_day_on_or_to_tomorrow_when_long_overdue()
    {
        var soon = await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(3), Now);
        var old = await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddDays(-4).AddHours(-2), Now.AddDays(-5));

        (await _ivan.TapAsync(PostponeContact.Data(soon, "d", fromPlan: true)))[^1].Text.Should().Be("📅 Звонок: Ромашка — завтра, пт 4 декабря, 15:00");
        await _ivan.TapAsync(PostponeContact.Data(old, "d", fromPlan: true));

        var planned = await _app.QueryAsync(db => db.Touches.OrderBy(a => a.Id).ToListAsync());
        planned[0].PlannedFor.Should().Be(Now.AddDays(1).AddHours(3));
        planned[1].PlannedFor.Should().Be(new DateTime(2026, 12, 4, 7, 0, 0, DateTimeKind.Utc), "tomorrow at the same 10:00");
        (await _ivan.ClientAsync("Ромашка")).NextContactAt.Should().Be(planned[1].PlannedFor);
    }

    [DatabaseFact]
    public async Task Done_from_today_can_be_taken_back_with_undo()
    {
        await _ivan.SayAsync("/call Ромашка");
        _clock.Advance(TimeSpan.FromHours(1));
        var id = await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(2), Now);
        var today = await _ivan.LastAsync("/today");

        await _ivan.TapAsync(today.Button("✅ 1"));
        (await _app.QueryAsync(db => db.Touches.SingleAsync(a => a.Id == id))).Status.Should().Be(TouchStatus.Done);
        (await _ivan.ClientAsync("Ромашка")).LastTouchAt.Should().Be(Now.AddHours(1));

        (await _ivan.LastAsync("/undo")).Text.Should().Be("↩️ Отменено: Звонок: Ромашка");

        var planned = await PlannedAsync();
        planned.Id.Should().Be(id);
        planned.PlannedFor.Should().Be(Now.AddHours(2));
        planned.HappenedAt.Should().BeNull();
        var client = await _ivan.ClientAsync("Ромашка");
        client.LastTouchAt.Should().Be(Now, "the earlier /call is the last touch again");
        client.NextContactAt.Should().Be(Now.AddHours(2));
    }

    [DatabaseFact]
    public async Task Snooze_from_today_can_be_taken_back_with_undo()
    {
        var id = await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(3), Now);
        var today = await _ivan.LastAsync("/today");

        (await _ivan.TapAsync(today.Button("⏰ 1")))[^1].Text.Should().Be("📅 Звонок: Ромашка — завтра, пт 4 декабря, 15:00");
        (await _ivan.LastAsync("/undo")).Text.Should().Be("↩️ Отменено: перенос: Звонок — Ромашка");

        (await PlannedAsync()).PlannedFor.Should().Be(Now.AddHours(3));
        (await _ivan.ClientAsync("Ромашка")).NextContactAt.Should().Be(Now.AddHours(3));
        (await _app.QueryAsync(db => db.Touches.SingleAsync(a => a.Id == id))).Status.Should().Be(TouchStatus.Planned);
    }

    [DatabaseFact]
    public async Task Another_managers_plan_item_cannot_be_done()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        var id = await Seed.PlannedAsync(_app, _romashka, _ivanId, Now.AddHours(1), Now);

        await petr.TapAsync(MarkContactDone.Data(id, fromPlan: true));

        (await PlannedAsync()).Id.Should().Be(id);
    }

    [DatabaseFact]
    public async Task Forgotten_lists_clients_with_an_open_deal_and_no_touch_honouring_a_stages_own_threshold()
    {
        var lyutik = await Seed.ClientAsync(_app, "Лютик", _ivanId, Now.AddDays(-40));
        await Seed.DealAsync(_app, lyutik, _ivanId, 90_000m, Now.AddDays(-30), stagePosition: 2);
        await Seed.TouchAsync(_app, lyutik, _ivanId, Now.AddDays(-4));
        await Seed.DealAsync(_app, _romashka, _ivanId, 50_000m, Now.AddDays(-20));
        await Seed.TouchAsync(_app, _romashka, _ivanId, Now.AddDays(-4));

        (await _ivan.LastAsync("/forgotten")).Text.Should().Contain("Забытых клиентов нет");

        await _app.ExecuteAsync(async (IServiceProvider services) =>
        {
            var db = services.GetRequiredService<Data.ChatCrmDbContext>();
            (await db.Stages.SingleAsync(s => s.Position == 2)).SetForgottenAfterDays(3);
            await db.SaveChangesAsync();
        });
        var list = await _ivan.LastAsync("/forgotten");

        list.Text.Should().Contain("1. <b>Лютик</b> — без контакта 4 дня").And.NotContain("Ромашка");
        var logged = await _ivan.TapAsync(list.Button("📞 1"));
        logged[^1].Text.Should().Contain("Что обсудили?");
        (await _ivan.LastAsync("перезвонят после праздников")).Text.Should().Contain("✅ Звонок: Лютик");
        (await _ivan.LastAsync("/forgotten")).Text.Should().Contain("Забытых клиентов нет");
    }

    [DatabaseFact]
    public async Task The_plan_reads_in_english()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        var acme = await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now);
        await Seed.PlannedAsync(_app, acme, await john.UserIdAsync(), Now.AddHours(2), Now, "send the quote");

        (await john.LastAsync("/plan Acme in 3 days meeting")).Text.Should().Be("📅 Meeting: Acme — Sun, 6 Dec, 10:00");
        (await john.LastAsync("/today")).Text.Should().Contain("Today's plan").And.Contain("14:00 Call — <b>Acme</b> · send the quote");
        (await john.LastAsync("/forgotten")).Text.Should().Contain("No forgotten clients");
    }
}

public sealed class PlanTestsOnSqlite() : PlanTests(TestDatabase.Sqlite());

[Postgres]
public sealed class PlanTestsOnPostgres() : PlanTests(TestDatabase.Postgres());

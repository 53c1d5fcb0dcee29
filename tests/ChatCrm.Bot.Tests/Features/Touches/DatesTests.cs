using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Touches;

/// <summary>
/// Issue 9, dates and touches. It is Wednesday 2 December 2026, 10:00 in Moscow (07:00 UTC); Ivan writes in Russian,
/// John in English, both in Europe/Moscow.
/// </summary>
public abstract class DatesTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc);
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

    private Task<List<Touch>> TouchesAsync() => _app.QueryAsync(db => db.Touches.OrderBy(a => a.Id).ToListAsync());

    private static DateTime Moscow(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour - 3, minute, 0, DateTimeKind.Utc);

    [DatabaseTheory]
    [InlineData("/call Ромашка обсудили цену дата 25.11", "✅ Звонок: Ромашка (ср, 25 ноября, 10:00)", 11, 25)]
    [InlineData("/call Ромашка дата 30 ноября", "✅ Звонок: Ромашка (пн, 30 ноября, 10:00)", 11, 30)]
    [InlineData("/call Ромашка дата в понедельник обсудили цену", "✅ Звонок: Ромашка (пн, 30 ноября, 10:00)", 11, 30)]
    [InlineData("/call Ромашка дата пт 16:00", "✅ Звонок: Ромашка (пт, 27 ноября, 16:00)", 11, 27)]
    public async Task A_past_date_after_data_back_dates_the_touch(string message, string reply, int month, int day)
    {
        (await _ivan.LastAsync(message)).Text.Should().StartWith(reply);

        var touch = (await TouchesAsync()).Single();
        touch.Status.Should().Be(TouchStatus.Done);
        touch.HappenedAt!.Value.AddHours(3).Date.Should().Be(new DateTime(2026, month, day));
    }

    [DatabaseFact]
    public async Task A_payment_dated_28_11_on_2_december_is_back_dated_not_refused()
    {
        var deal = await _ivan.OpenDealAsync("Ромашка 100к станки");

        (await _ivan.LastAsync($"/paid {deal} 25к дата 28.11")).Text.Should().NotContain("не наступила").And.Contain("25 000 ₽");

        var paid = await _app.QueryAsync(db => db.Obligations.SingleAsync(o => o.DealId == deal && o.Kind == ObligationKind.Payment));
        paid.At!.Value.AddHours(3).Date.Should().Be(new DateTime(2026, 11, 28));
    }

    [DatabaseFact]
    public async Task A_future_day_after_data_is_still_refused()
    {
        (await _ivan.LastAsync("/call Ромашка дата завтра")).Text.Should().Contain("Эта дата ещё не наступила");
        (await TouchesAsync()).Should().BeEmpty();
    }

    [DatabaseTheory]
    [InlineData("/plan Ромашка в пятницу после обеда", "📅 Звонок: Ромашка — пт, 4 декабря, 14:00", 12, 4, 14)]
    [InlineData("/plan Ромашка завтра в обед", "📅 Звонок: Ромашка — завтра, чт 3 декабря, 13:00", 12, 3, 13)]
    [InlineData("/plan Ромашка пт утром", "📅 Звонок: Ромашка — пт, 4 декабря, 09:00", 12, 4, 9)]
    [InlineData("/plan Ромашка в пятницу вечером", "📅 Звонок: Ромашка — пт, 4 декабря, 18:00", 12, 4, 18)]
    public async Task A_part_of_the_day_sets_the_hour_and_is_not_left_as_a_note(string message, string reply, int month, int day, int hour)
    {
        (await _ivan.LastAsync(message)).Text.Should().Be(reply);

        var planned = (await TouchesAsync()).Single();
        planned.PlannedFor.Should().Be(Moscow(month, day, hour));
        planned.Note.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task In_the_afternoon_is_two_oclock_for_an_english_user()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now.AddDays(-3));

        (await john.LastAsync("/plan Acme friday in the afternoon")).Text.Should().Be("📅 Call: Acme — Fri, 4 Dec, 14:00");
    }

    [DatabaseTheory]
    [InlineData("/call Ромашка перезвонить в пт", "✅ Звонок: Ромашка — далее пт, 4 декабря, 10:00", "перезвонить")]
    [InlineData("/call Ромашка обсудили цену, перезвонить завтра", "✅ Звонок: Ромашка — далее завтра, чт 3 декабря, 10:00", "перезвонить")]
    [InlineData("/call Ромашка созвониться в пятницу в 11 по договору", "✅ Звонок: Ромашка — далее пт, 4 декабря, 11:00", "созвониться по договору")]
    public async Task A_verb_meaning_next_plans_the_next_contact(string message, string reply, string nextNote)
    {
        (await _ivan.LastAsync(message)).Text.Should().Be(reply);

        var touches = await TouchesAsync();
        touches.Should().HaveCount(2);
        touches[1].Status.Should().Be(TouchStatus.Planned);
        touches[1].Note.Should().Be(nextNote);
        (await _ivan.ClientAsync("Ромашка")).NextContactAt.Should().Be(touches[1].PlannedFor);
    }

    [DatabaseTheory]
    [InlineData("/plan Ромашка перезвонить в пт", "📅 Звонок: Ромашка — пт, 4 декабря, 10:00", "")]
    [InlineData("/plan Ромашка написать завтра в 12", "📅 Письмо: Ромашка — завтра, чт 3 декабря, 12:00", "")]
    [InlineData("/plan Ромашка напомнить в пятницу после обеда про договор", "📅 Звонок: Ромашка — пт, 4 декабря, 14:00", "напомнить про договор")]
    public async Task A_plan_that_starts_with_a_verb_reads_the_date_after_it(string message, string reply, string note)
    {
        (await _ivan.LastAsync(message)).Text.Should().StartWith(reply);

        var planned = (await TouchesAsync()).Single();
        planned.Status.Should().Be(TouchStatus.Planned);
        (planned.Note ?? "").Should().Be(note);
    }

    [DatabaseFact]
    public async Task Follow_up_monday_plans_it_and_a_past_tense_verb_does_not()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now.AddDays(-3));

        (await john.LastAsync("/call Acme sent the proposal, follow up Monday")).Text.Should().Be("✅ Call: Acme — next Mon, 7 Dec, 10:00");
        (await _ivan.LastAsync("/call Ромашка перезвонил вчера, не застал")).Text.Should().Contain("Когда следующий контакт");
        (await TouchesAsync()).Last().Note.Should().Be("перезвонил вчера, не застал");
    }

    [DatabaseFact]
    public async Task An_english_12_10_asks_which_date_and_does_nothing_until_the_tap()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now.AddDays(-3));

        var question = await john.LastAsync("/call Acme discussed the price next 12/10 10:00");

        question.Text.Should().Be("Which date is “12/10”?");
        question.Labels.Should().Contain(["Thu, 10 Dec, 10:00", "Tue, 12 Oct 2027, 10:00"]);
        question.Buttons.Should().OnlyContain(b => System.Text.Encoding.UTF8.GetByteCount(b.Data) <= 64);
        (await TouchesAsync()).Should().BeEmpty();

        (await john.TapAsync(question.Button("10 Dec")))[^1].Text.Should().Be("✅ Call: Acme — next Thu, 10 Dec, 10:00");
        var touches = await TouchesAsync();
        touches.Should().HaveCount(2);
        touches[0].Note.Should().Be("discussed the price");
        touches[1].PlannedFor.Should().Be(Moscow(12, 10, 10));
    }

    [DatabaseFact]
    public async Task A_plan_for_12_10_from_an_english_user_asks_and_the_other_button_takes_october()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now.AddDays(-3));

        var question = await john.LastAsync("/plan Acme 12/10");
        question.Text.Should().Be("Which date is “12/10”?");

        (await john.TapAsync(question.Button("12 Oct")))[^1].Text.Should().Be("📅 Call: Acme — Tue, 12 Oct 2027, 10:00");
    }

    [DatabaseFact]
    public async Task A_russian_10_12_is_the_tenth_of_december_and_echoed_with_its_weekday()
    {
        (await _ivan.LastAsync("/plan Ромашка 10/12 15:00")).Text.Should().Be("📅 Звонок: Ромашка — чт, 10 декабря, 15:00");
    }

    [DatabaseFact]
    public async Task A_day_left_in_the_note_is_echoed_and_a_button_plans_it()
    {
        var reply = await _ivan.LastAsync("/call Ромашка обсудили 25.12 поставку");

        reply.Text.Should().Contain("✅ Звонок: Ромашка").And.Contain("В заметке есть дата «25.12» — в план я её не ставил.");
        (await TouchesAsync()).Single().Note.Should().Be("обсудили 25.12 поставку");

        var planned = await _ivan.TapAsync(reply.Button("Запланировать на пт, 25 декабря?"));

        planned[^1].Text.Should().Be("📅 Звонок: Ромашка — пт, 25 декабря, 10:00");
        (await TouchesAsync()).Single(a => a.Status == TouchStatus.Planned).PlannedFor.Should().Be(Moscow(12, 25, 10));
    }

    [DatabaseFact]
    public async Task A_note_without_a_day_gets_no_extra_button()
    {
        var reply = await _ivan.LastAsync("/call Ромашка скидка 1.5 процента");

        reply.Text.Should().NotContain("В заметке есть дата");
        reply.Labels.Should().NotContain(l => l.Contains("Запланировать"));
    }

    [DatabaseFact]
    public async Task A_logged_call_closes_the_call_planned_for_today_and_undo_reopens_it()
    {
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Moscow(12, 2, 11), Now.AddDays(-1), "прислать КП");
        _clock.Advance(TimeSpan.FromHours(3));
        (await _ivan.LastAsync("/today")).Text.Should().Contain("Просрочено</b> (1)");

        var reply = await _ivan.LastAsync("/call Ромашка обсудили цену далее пт 15:00");

        reply.Text.Should().Be("✅ Звонок: Ромашка — далее пт, 4 декабря, 15:00\n✅ и закрыт план на сегодня, ср 2 декабря, 11:00");
        (await _ivan.LastAsync("/today")).Text.Should().NotContain("Просрочено").And.NotContain("11:00");
        var touches = await TouchesAsync();
        touches.Should().HaveCount(2, "the plan became the call, not a call beside it");
        touches[0].Status.Should().Be(TouchStatus.Done);
        touches[0].PlannedFor.Should().Be(Moscow(12, 2, 11));
        touches[0].HappenedAt.Should().Be(Moscow(12, 2, 13));
        touches[0].Note.Should().Be("прислать КП\nобсудили цену");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменено");

        (await _ivan.LastAsync("/today")).Text.Should().Contain("Просрочено</b> (1)").And.Contain("прислать КП");
        var reopened = (await TouchesAsync()).Single();
        reopened.Status.Should().Be(TouchStatus.Planned);
        reopened.Note.Should().Be("прислать КП");
        var client = await _ivan.ClientAsync("Ромашка");
        client.NextContactAt.Should().Be(Moscow(12, 2, 11));
        client.LastTouchAt.Should().BeNull();
    }

    [DatabaseFact]
    public async Task A_call_later_today_is_closed_too_but_tomorrows_stays_planned()
    {
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Moscow(12, 2, 16), Now.AddDays(-1));

        (await _ivan.LastAsync("/call Ромашка обсудили цену")).Text.Should().Contain("✅ и закрыт план на сегодня, ср 2 декабря, 16:00");

        await Seed.PlannedAsync(_app, _romashka, _ivanId, Moscow(12, 3, 11), Now);
        (await _ivan.LastAsync("/call Ромашка ещё раз")).Text.Should().NotContain("закрыт план").And.Contain("Следующий контакт уже в плане");
        (await TouchesAsync()).Count(a => a.Status == TouchStatus.Planned).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_meeting_closes_the_only_planned_contact_even_a_call()
    {
        await Seed.PlannedAsync(_app, _romashka, _ivanId, Moscow(12, 2, 9), Now.AddDays(-1));

        (await _ivan.LastAsync("/meet Ромашка показали образцы")).Text.Should().Contain("✅ Встреча: Ромашка").And.Contain("закрыт план");

        var touch = (await TouchesAsync()).Single();
        touch.Status.Should().Be(TouchStatus.Done);
        (await _app.QueryAsync(db => db.WorkTypes.SingleAsync(w => w.Id == touch.WorkTypeId))).Code.Should().Be("meeting");
    }
}

public sealed class DatesTestsOnSqlite() : DatesTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DatesTestsOnPostgres() : DatesTests(TestDatabase.Postgres());

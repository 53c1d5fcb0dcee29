using ChatCrm.Bot.Features;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Touches;

/// <summary>It is Thursday 3 December 2026, 12:00 in Moscow (09:00 UTC); Ivan works in Europe/Moscow.</summary>
public abstract class LogTouchTests(TestDatabase database) : IAsyncLifetime
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

    private Task<List<Touch>> TouchesAsync() => _app.QueryAsync(db => db.Touches.OrderBy(a => a.Id).ToListAsync());

    [DatabaseFact]
    public async Task A_call_with_next_tomorrow_at_15_plans_the_contact_at_12_utc_for_a_moscow_user_and_echoes_it()
    {
        var reply = await _ivan.LastAsync("/call Ромашка обсудили цену далее завтра 15:00 прислать КП");

        reply.Text.Should().Be("✅ Звонок: Ромашка — далее завтра, пт 4 декабря, 15:00");
        var touches = await TouchesAsync();
        touches.Should().HaveCount(2);
        touches[0].Status.Should().Be(TouchStatus.Done);
        touches[0].HappenedAt.Should().Be(Now);
        touches[0].Note.Should().Be("обсудили цену");
        touches[1].Status.Should().Be(TouchStatus.Planned);
        touches[1].PlannedFor.Should().Be(new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc));
        touches[1].Note.Should().Be("прислать КП");
        var client = await _ivan.ClientAsync("Ромашка");
        client.LastTouchAt.Should().Be(Now);
        client.NextContactAt.Should().Be(new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc));
    }

    [DatabaseFact]
    public async Task Keywords_count_only_as_whole_words_followed_by_a_date()
    {
        await _ivan.SayAsync("/call Ромашка обсудили дату поставки, далее решат сами");

        var touch = (await TouchesAsync()).Single();
        touch.Note.Should().Be("обсудили дату поставки, далее решат сами");
        touch.HappenedAt.Should().Be(Now);
    }

    [DatabaseFact]
    public async Task Without_next_the_bot_asks_and_tomorrow_plans_a_call_at_ten()
    {
        var question = await _ivan.LastAsync("/call Ромашка обсудили цену");

        question.Text.Should().Contain("✅ Звонок: Ромашка").And.Contain("Когда следующий контакт с <b>Ромашка</b>?");
        question.Buttons.Select(b => b.Label).Should().Contain(["Завтра", "Через 3 дня", "След. неделя", "📅 Другая дата", "Не планировать"]);

        var planned = await _ivan.TapAsync(question.Button("Завтра"));

        planned[^1].Text.Should().Be("📅 Звонок: Ромашка — завтра, пт 4 декабря, 10:00");
        (await TouchesAsync()).Single(a => a.Status == TouchStatus.Planned).PlannedFor
            .Should().Be(new DateTime(2026, 12, 4, 7, 0, 0, DateTimeKind.Utc));
        (await _ivan.ClientAsync("Ромашка")).NextContactAt.Should().Be(new DateTime(2026, 12, 4, 7, 0, 0, DateTimeKind.Utc));
    }

    [DatabaseFact]
    public async Task Pick_a_date_takes_a_typed_answer_and_none_plans_nothing()
    {
        var question = await _ivan.LastAsync("/meet Ромашка показали образцы");

        (await _ivan.TapAsync(question.Button("Другая дата")))[^1].Text.Should().Contain("Когда связаться");
        (await _ivan.LastAsync("в понедельник 11:00")).Text.Should().Be("📅 Встреча: Ромашка — пн, 7 декабря, 11:00");

        var again = await _ivan.LastAsync("/email Ромашка отправили КП");
        again.Text.Should().Contain("Следующий контакт уже в плане: пн, 7 декабря, 11:00");
        again.Has("nx:").Should().BeFalse("a contact is already planned");
    }

    [DatabaseFact]
    public async Task At_back_dates_the_touch_and_a_future_at_is_refused()
    {
        var reply = await _ivan.LastAsync("/demo Ромашка показали продукт дата вчера 16:00");

        reply.Text.Should().StartWith("✅ Демо: Ромашка (вчера, ср 2 декабря, 16:00)");
        (await TouchesAsync()).Single().HappenedAt.Should().Be(new DateTime(2026, 12, 2, 13, 0, 0, DateTimeKind.Utc));

        (await _ivan.LastAsync("/call Ромашка at 10:00")).Text.Should().StartWith("✅ Звонок: Ромашка (сегодня, чт 3 декабря, 10:00)");
        (await _ivan.LastAsync("/call Ромашка дата завтра 10:00")).Text.Should().Contain("Эта дата ещё не наступила");
        (await TouchesAsync()).Should().HaveCount(2);
        (await _ivan.ClientAsync("Ромашка")).LastTouchAt.Should().Be(new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc));
    }

    [DatabaseFact]
    public async Task A_back_dated_touch_never_moves_the_last_touch_back()
    {
        await _ivan.SayAsync("/call Ромашка далее завтра");
        await _ivan.SayAsync("/call Ромашка дата позавчера");

        (await _ivan.ClientAsync("Ромашка")).LastTouchAt.Should().Be(Now);
    }

    [DatabaseFact]
    public async Task A_5000_character_note_is_refused_clearly_and_nothing_is_stored()
    {
        var reply = await _ivan.LastAsync("/call Ромашка " + new string('a', 5000));

        reply.Text.Should().Contain("Заметка слишком длинная");
        reply.Text.Length.Should().BeLessThan(200);
        (await TouchesAsync()).Should().BeEmpty();
        (await _ivan.ClientAsync("Ромашка")).LastTouchAt.Should().BeNull();
    }

    [DatabaseFact]
    public async Task An_unknown_client_is_named_in_the_reply_and_a_typo_offers_the_close_ones()
    {
        (await _ivan.LastAsync("/call Одуванчик обсудили цену")).Text.Should().Contain("Клиента «Одуванчик обсудили цену» не нашёл");

        var which = await _ivan.LastAsync("/call Ромашко обсудили цену");
        which.Text.Should().Contain("Какого клиента");
        await _ivan.TapAsync(which.Button("Ромашка"));

        (await TouchesAsync()).Single().Note.Should().Be("обсудили цену");
    }

    [DatabaseFact]
    public async Task Without_arguments_the_bot_asks_for_the_client_and_logs_the_answer()
    {
        (await _ivan.LastAsync("/call")).Text.Should().Contain("с каким клиентом?");

        (await _ivan.LastAsync("Ромашка перезвонить далее пт 15:00")).Text.Should().Be("✅ Звонок: Ромашка — далее завтра, пт 4 декабря, 15:00");
    }

    [DatabaseFact]
    public async Task Log_takes_any_configured_work_type_and_offers_them_when_missing()
    {
        (await _ivan.LastAsync("/log demo Ромашка далее через 3 дня")).Text.Should().Be("✅ Демо: Ромашка — далее вс, 6 декабря, 10:00");

        var pick = await _ivan.LastAsync("/log Ромашка отправили письмо");
        pick.Text.Should().Contain("Какой вид работы");
        (await _ivan.TapAsync("pick:email"))[^1].Text.Should().StartWith("✅ Письмо: Ромашка");
        (await _app.QueryAsync(db => db.Touches.Where(a => a.Status == TouchStatus.Done).CountAsync())).Should().Be(2);
    }

    [DatabaseFact]
    public async Task Undo_takes_back_a_logged_call_within_ten_minutes()
    {
        await Seed.TouchAsync(_app, _romashka, _ivanId, Now.AddDays(-5));
        await _ivan.SayAsync("/call Ромашка далее завтра 15:00");
        _clock.Advance(TimeSpan.FromMinutes(9));

        (await _ivan.LastAsync("/undo")).Text.Should().Be("↩️ Отменено: Звонок: Ромашка");

        (await TouchesAsync()).Should().ContainSingle();
        var client = await _ivan.ClientAsync("Ромашка");
        client.LastTouchAt.Should().Be(Now.AddDays(-5));
        client.NextContactAt.Should().BeNull();
    }

    [DatabaseFact]
    public async Task Undo_is_refused_after_ten_minutes_and_changes_nothing()
    {
        await _ivan.SayAsync("/call Ромашка далее завтра 15:00");
        _clock.Advance(TimeSpan.FromMinutes(11));

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Прошло больше 10 минут");

        (await TouchesAsync()).Should().HaveCount(2);
        (await _app.QueryAsync(db => db.UndoLog.SingleAsync(u => u.UserId == _ivanId))).UndoneAt.Should().BeNull();
    }

    [DatabaseFact]
    public async Task A_call_is_logged_in_english_with_next_and_at()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now.AddDays(-3));

        (await john.LastAsync("/call Acme discussed the price at 10:00 next tomorrow 3pm")).Text
            .Should().Be("✅ Call: Acme (today, Thu 3 Dec, 10:00) — next tomorrow, Fri 4 Dec, 15:00");
        (await john.LastAsync("/call Acme")).Text.Should().Contain("The next contact is already planned");
        (await john.LastAsync("/call Nobody")).Text.Should().Contain("No client “Nobody” among yours");
    }

    [DatabaseFact]
    public async Task Every_reply_fits_the_callback_data_limit()
    {
        var question = await _ivan.LastAsync("/call Ромашка");

        question.Buttons.Should().OnlyContain(b => System.Text.Encoding.UTF8.GetByteCount(b.Data) <= 64);
        CommandTable.Find("call").Should().NotBeNull();
    }
}

public sealed class LogTouchTestsOnSqlite() : LogTouchTests(TestDatabase.Sqlite());

[Postgres]
public sealed class LogTouchTestsOnPostgres() : LogTouchTests(TestDatabase.Postgres());

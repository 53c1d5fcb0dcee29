using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Clients;

/// <summary>
/// Clients named the way people refer to them: by any word or a unique prefix of the name, an inflected form, the
/// last digits of a phone, an e-mail. It is Thursday 3 December 2026, 12:00 in Moscow (09:00 UTC).
/// </summary>
public abstract class FindClientTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;
    private long _ivanov;
    private long _romashka;
    private long _acme;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
        _ivanId = await _ivan.UserIdAsync();
        _ivanov = await Seed.ClientAsync(_app, "Иванов Петр", _ivanId, Now.AddDays(-30), phone: "+7 900 123-45-67");
        _romashka = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now.AddDays(-30));
        _acme = await Seed.ClientAsync(_app, "Acme Corp", _ivanId, Now.AddDays(-30));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<List<Touch>> TouchesAsync() => _app.QueryAsync(db => db.Touches.OrderBy(t => t.Id).ToListAsync());

    [DatabaseFact]
    public async Task Plan_finds_a_client_by_the_first_word_of_the_name_and_keeps_the_date()
    {
        var reply = await _ivan.LastAsync("/plan Иванов послезавтра в 10");

        reply.Plain.Should().Be("📅 Звонок: Иванов Петр — сб, 5 декабря, 10:00");
        var planned = (await TouchesAsync()).Single();
        planned.ClientId.Should().Be(_ivanov);
        planned.PlannedFor.Should().Be(new DateTime(2026, 12, 5, 7, 0, 0, DateTimeKind.Utc));
    }

    [DatabaseFact]
    public async Task A_call_finds_a_client_whose_stored_name_carries_a_legal_form()
    {
        await _ivan.SayAsync("/call Acme discussed the price далее завтра 15:00");

        var touches = await TouchesAsync();
        touches.Should().HaveCount(2);
        touches.Should().OnlyContain(t => t.ClientId == _acme);
        touches[0].Note.Should().Be("discussed the price");
    }

    [DatabaseFact]
    public async Task A_case_form_of_the_name_finds_the_client_and_the_note_stays()
    {
        await _ivan.SayAsync("/call Ромашке выставили счёт");

        var touch = (await TouchesAsync()).Single();
        touch.ClientId.Should().Be(_romashka);
        touch.Note.Should().Be("выставили счёт");
    }

    [DatabaseFact]
    public async Task A_call_by_the_surname_in_the_instrumental_finds_the_person()
    {
        await _ivan.SayAsync("/meet Ивановым обсудили договор");

        (await TouchesAsync()).Single().ClientId.Should().Be(_ivanov);
    }

    [DatabaseFact]
    public async Task A_word_of_a_longer_name_with_no_legal_form_finds_the_client()
    {
        var group = await Seed.ClientAsync(_app, "Acme Group", _ivanId, Now.AddDays(-30));

        await _ivan.SayAsync("/call Acme Group sent the proposal");
        await _ivan.SayAsync("/call Group called back");

        (await TouchesAsync()).Should().HaveCount(2).And.OnlyContain(t => t.ClientId == group);
    }

    [DatabaseFact]
    public async Task The_last_digits_of_a_phone_open_the_card()
    {
        (await _ivan.LastAsync("/card 4567")).Text.Should().Contain("Иванов Петр");
        (await _ivan.LastAsync("/card 123-45-67")).Text.Should().Contain("Иванов Петр");
    }

    [DatabaseFact]
    public async Task A_call_by_phone_digits_keeps_the_note()
    {
        await _ivan.SayAsync("/call 123-45-67 обсудили цену");

        var touch = (await TouchesAsync()).Single();
        touch.ClientId.Should().Be(_ivanov);
        touch.Note.Should().Be("обсудили цену");
    }

    [DatabaseFact]
    public async Task Two_phones_ending_the_same_are_offered_as_buttons()
    {
        var other = await Seed.ClientAsync(_app, "Лютик", _ivanId, Now.AddDays(-30), phone: "+7 916 000-45-67");

        var asked = await _ivan.LastAsync("/card 4567");

        asked.Labels.Should().Contain("Иванов Петр").And.Contain("Лютик");
        (await _ivan.TapAsync($"pick:{other}"))[^1].Text.Should().Contain("Лютик");
    }

    [DatabaseFact]
    public async Task An_email_opens_the_card()
    {
        await _app.WriteAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == _romashka)).AddEmail("info@romashka.ru");
            return await db.SaveChangesAsync();
        });

        (await _ivan.LastAsync("/card INFO@romashka.ru")).Text.Should().Contain("Ромашка");
    }

    [DatabaseFact]
    public async Task A_renamed_client_is_found_by_the_new_name_only()
    {
        await _app.WriteAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == _romashka)).Rename("Лютик Сервис");
            return await db.SaveChangesAsync();
        });

        (await _ivan.LastAsync("/card Лютик")).Text.Should().Contain("Лютик Сервис");
        (await _ivan.LastAsync("/card Ромашка")).Text.Should().Contain("не нашёл");
    }

    [DatabaseFact]
    public async Task Another_managers_client_is_not_found_by_word_phone_or_email()
    {
        var petr = await Chat.JoinAsync(_app, 3003, "manager", "Пётр");
        var theirs = await Seed.ClientAsync(_app, "Василёк Трейд", await petr.UserIdAsync(), Now.AddDays(-30), phone: "+7 916 555-88-99");
        await _app.WriteAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == theirs)).AddEmail("boss@vasilek.ru");
            return await db.SaveChangesAsync();
        });

        foreach (var typed in new[] { "/card Трейд", "/card 8899", "/card boss@vasilek.ru" })
        {
            (await _ivan.LastAsync(typed)).Text.Should().Contain("не нашёл", typed);
        }

        (await petr.LastAsync("/card 8899")).Text.Should().Contain("Василёк Трейд");
    }

    [DatabaseFact]
    public async Task Many_equally_good_fits_offer_only_the_most_recently_worked_few()
    {
        for (var i = 1; i <= 10; i++)
        {
            await Seed.ClientAsync(_app, $"Ивлев {i:00}", _ivanId, Now.AddDays(-30));
        }

        var asked = await _ivan.LastAsync("/card Ивлев");

        asked.CallbackData.Count(d => d.StartsWith("pick:", StringComparison.Ordinal) && d != "pick:-").Should().Be(8);
        asked.Labels.Should().OnlyContain(l => l.StartsWith("Ивлев", StringComparison.Ordinal) || l.Contains("Отмена", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Clients_stored_before_their_search_keys_get_them_at_the_next_start()
    {
        // As a database from before the keys existed: the rows are there, the keys are not.
        await _app.WriteAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"ClientSearchKeys\"; UPDATE \"Clients\" SET \"SearchKeysVersion\" = 0;"));
        (await _ivan.LastAsync("/card Ромашкой")).Text.Should().Contain("не нашёл");

        _app = await _app.RestartAsync();
        _ivan = new Chat(_app, 2002);

        (await _ivan.LastAsync("/card Ромашкой")).Text.Should().Contain("Ромашка");
        (await _ivan.LastAsync("/card 4567")).Text.Should().Contain("Иванов Петр");
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.SearchKeysVersion == 0))).Should().Be(0);
    }
}

public sealed class FindClientTestsOnSqlite() : FindClientTests(TestDatabase.Sqlite());

[Postgres]
public sealed class FindClientTestsOnPostgres() : FindClientTests(TestDatabase.Postgres());

using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Clients;

public abstract class ClientCardTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
        _ivanId = await _ivan.UserIdAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseTheory]
    [InlineData("/card #c99999999999999999999999", "ru", "Клиента «#c99999999999999999999999» не нашёл среди ваших")]
    [InlineData("/card #c9223372036854775807", "ru", "не нашёл среди ваших")]
    [InlineData("/card #c99999999999999999999999", "en", "#c99999999999999999999999")]
    [InlineData("/call #c99999999999999999999999 обсудили", "ru", "не нашёл среди ваших")]
    public async Task A_client_id_too_large_for_any_client_reads_as_not_found(string command, string language, string expected)
    {
        var said = await _ivan.LastAsync(command, language);

        said.Text.Should().Contain(expected).And.NotContain("Что-то пошло не так").And.NotContain("went wrong");
    }

    [DatabaseFact]
    public async Task The_card_shows_owner_segment_contacts_open_deals_last_touches_and_the_next_contact()
    {
        await Seed.SegmentAsync(_app, "retail");
        await _ivan.SayAsync("/client Ромашка, 8 900 123-45-67, #retail");
        var client = await _ivan.ClientAsync("Ромашка");
        var deal = await Seed.DealAsync(_app, client.Id, _ivanId, 150_000m, Now.AddDays(-5), stagePosition: 1, title: "поставка станков");
        await Seed.TouchAsync(_app, client.Id, _ivanId, Now.AddDays(-3), "обсудили цену");
        await Seed.PlannedAsync(_app, client.Id, _ivanId, new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc), Now, "прислать КП");

        var card = await _ivan.LastAsync("/card ромашка");

        card.Text.Should().Contain("🗂 <b>Ромашка</b> · #retail")
            .And.Contain("👤 Иван")
            .And.Contain("+7 900 123-45-67")
            .And.Contain($"#{deal} «поставка станков» — Первый контакт, 150 000 ₽, 5 дней на этапе")
            .And.Contain("Звонок, 3 дня назад — обсудили цену")
            .And.Contain("Следующий контакт: Звонок, завтра, пт 4 декабря, 15:00 — прислать КП");
        card.Has("ca:c:").Should().BeTrue();
        card.Has("ca:p:").Should().BeTrue();
        card.Buttons.Should().Contain(b => b.Data == $"card:{client.Id}:r");
    }

    [DatabaseFact]
    public async Task A_card_with_many_long_touches_stays_within_one_telegram_message()
    {
        var id = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now.AddDays(-400));
        for (var i = 0; i < 60; i++)
        {
            await Seed.TouchAsync(_app, id, _ivanId, Now.AddDays(-i - 1), new string('ж', 3900) + " <b>&");
        }

        var card = await _ivan.LastAsync("/card Ромашка");

        card.Text.Length.Should().BeLessThanOrEqualTo(Reply.MaxLength);
        card.Text.Should().Contain("Последние касания").And.Contain("Следующий контакт не запланирован");
        card.Text.Should().NotContain("<b>&", "notes are escaped");
    }

    [DatabaseFact]
    public async Task The_refresh_button_redraws_the_card_in_place()
    {
        var id = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);
        await _ivan.SayAsync("/card Ромашка");
        await Seed.TouchAsync(_app, id, _ivanId, Now.AddHours(-1), "новый звонок");

        await _ivan.TapAsync($"card:{id}:r");

        var edit = await _app.QueryAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.EditMessage).Select(m => m.Payload).SingleAsync());
        edit.Should().Contain("новый звонок");
    }

    [DatabaseFact]
    public async Task A_manager_neither_sees_nor_logs_on_another_managers_client()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        var id = await Seed.ClientAsync(_app, "Ромашка", await petr.UserIdAsync(), Now);

        (await _ivan.LastAsync("/card Ромашка")).Text.Should().Contain("Клиента «Ромашка» не нашёл среди ваших");
        (await _ivan.LastAsync("/call Ромашка обсудили цену")).Text.Should().Contain("не нашёл среди ваших");
        (await _ivan.SayAsync($"/call #c{id} обсудили цену"))[^1].Text.Should().Contain("не нашёл");
        await _ivan.TapAsync($"card:{id}");
        (await _ivan.LastAsync("/clients")).Text.Should().Contain("нет клиентов");

        (await _app.CountAsync<Touch>()).Should().Be(0);
        (await petr.LastAsync("/card Ромашка")).Text.Should().Contain("🗂 <b>Ромашка</b>");
    }

    [DatabaseFact]
    public async Task A_head_sees_every_managers_client()
    {
        var head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга");
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        (await head.LastAsync("/card Ромашка")).Text.Should().Contain("👤 Иван");
    }

    [DatabaseFact]
    public async Task A_heads_client_list_says_whose_each_client_is_and_a_managers_does_not_repeat_their_own_name()
    {
        var head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга");
        var evil = await Chat.JoinAsync(_app, 2006, name: "<b>Evil</b>");
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);
        await Seed.ClientAsync(_app, "Лютик", await evil.UserIdAsync(), Now);
        await _app.QueryAsync(db =>
        {
            db.Clients.Add(Client.Create("Василёк", _ivanId, Now));
            return db.SaveChangesAsync();
        });

        var all = (await head.LastAsync("/clients")).Text;

        all.Should().Contain("👥 <b>Все клиенты</b>: 3 клиента")
            .And.Contain("1. <b>Василёк</b> · 👤 без менеджера · ")
            .And.Contain("2. <b>Лютик</b> · 👤 &lt;b&gt;Evil&lt;/b&gt; · ")
            .And.Contain("3. <b>Ромашка</b> · 👤 Иван · ")
            .And.NotContain("<b>Evil</b>");
        (await head.LastAsync("/clients ромаш")).Text.Should().Contain("1. <b>Ромашка</b> · 👤 Иван · ");
        (await _ivan.LastAsync("/clients")).Text.Should().Contain("👥 <b>Мои клиенты</b>: 1 клиент").And.NotContain("👤");

        var john = await Chat.JoinAsync(_app, 2007, role: "admin", name: "John", language: "en");
        (await john.LastAsync("/clients")).Text.Should().Contain("👥 <b>All clients</b>: 3 clients")
            .And.Contain("1. <b>Василёк</b> · 👤 unassigned · ")
            .And.Contain("3. <b>Ромашка</b> · 👤 Иван · ");
    }

    [DatabaseFact]
    public async Task Clients_are_listed_by_name_ten_a_page_with_a_button_per_number()
    {
        for (var i = 1; i <= 12; i++)
        {
            await Seed.ClientAsync(_app, $"Клиент {i:00}", _ivanId, Now);
        }

        var first = await _ivan.LastAsync("/clients");

        first.Text.Should().Contain("12 клиентов").And.Contain("стр. 1/2").And.Contain("1. <b>Клиент 01</b>").And.NotContain("Клиент 11");
        first.Buttons.Count(b => b.Data.StartsWith("card:", StringComparison.Ordinal)).Should().Be(10);
        var second = await _ivan.TapAsync(first.Button("Дальше"));
        second[^1].Text.Should().Contain("11. <b>Клиент 11</b>").And.Contain("12. <b>Клиент 12</b>");
    }

    [DatabaseTheory]
    [InlineData("ромаш")]
    [InlineData("123-45-67")]
    [InlineData("8 900 123 45 67")]
    [InlineData("INFO@romashka.ru")]
    public async Task Clients_are_found_by_name_phone_or_e_mail(string query)
    {
        await _ivan.SayAsync("/client Ромашка, +79001234567, info@romashka.ru");
        await _ivan.SayAsync("/client Лютик, +79007654321");

        var found = await _ivan.LastAsync($"/clients {query}");

        found.Text.Should().Contain("1 клиент").And.Contain("Ромашка").And.NotContain("Лютик");
    }

    [DatabaseFact]
    public async Task A_search_that_finds_nothing_says_so()
    {
        (await _ivan.LastAsync("/clients нет такого")).Text.Should().Contain("никого не нашёл");
    }

    [DatabaseFact]
    public async Task The_card_reads_in_english()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        var id = await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), Now.AddDays(-2));
        await Seed.TouchAsync(_app, id, await john.UserIdAsync(), Now.AddDays(-2));

        var card = await john.LastAsync("/card acme");

        card.Text.Should().Contain("👤 John").And.Contain("2 days ago").And.Contain("No open deals").And.Contain("No next contact planned");
    }
}

public sealed class ClientCardTestsOnSqlite() : ClientCardTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ClientCardTestsOnPostgres() : ClientCardTests(TestDatabase.Postgres());

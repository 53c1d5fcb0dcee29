using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Clients;

public abstract class CreateClientTests(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseFact]
    public async Task A_client_is_created_with_a_normalised_phone_and_e_mail_and_owned_by_its_creator()
    {
        var reply = await _ivan.LastAsync("/client ООО Ромашка, 8 900 123-45-67, Info@Romashka.ru");

        reply.Text.Should().Contain("Клиент <b>ООО Ромашка</b> создан").And.Contain("+7 900 123-45-67").And.Contain("info@romashka.ru");
        reply.Has("ca:c:").Should().BeTrue("the next action, logging a call, is one tap away");
        var client = await _ivan.ClientAsync("ООО Ромашка");
        client.Phones.Should().Be("+79001234567");
        client.Emails.Should().Be("info@romashka.ru");
        client.OwnerUserId.Should().Be(await _ivan.UserIdAsync());
        (await _app.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "client.created" && a.Subject == "ООО Ромашка"))).Should().BeTrue();
    }

    [DatabaseFact]
    public async Task Contacts_may_follow_the_name_without_commas()
    {
        await _ivan.SayAsync("/client Ромашка +7 (900) 123-45-67 info@romashka.ru");

        var client = await _ivan.ClientAsync("Ромашка");
        client.Phones.Should().Be("+79001234567");
        client.Emails.Should().Be("info@romashka.ru");
    }

    [DatabaseFact]
    public async Task A_head_is_offered_the_existing_client_in_full_and_create_anyway_creates()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        var head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга");
        await petr.SayAsync("/client Ромашка, +79001234567");

        var offer = await head.LastAsync("/client Лютик, 8 900 123-45-67");

        offer.Text.Should().Contain("Ромашка").And.Contain("+7 900 123-45-67").And.Contain("тот же телефон").And.Contain("ведёт Пётр");
        offer.Has("card:").Should().BeTrue("a head may open any client");
        (await _app.CountAsync<Client>()).Should().Be(1);

        var created = await head.TapAsync(offer.Button("Всё равно создать"));

        created[^1].Text.Should().Contain("Клиент <b>Лютик</b> создан");
        (await head.ClientAsync("Лютик")).Phones.Should().Be("+79001234567");
    }

    [DatabaseTheory]
    [InlineData("/client Другая, +7 900 123-45-67", "совпадает телефон")]
    [InlineData("/client Другая, ROMASHKA@example.com", "совпадает e-mail")]
    [InlineData("/client Другая, +7 900 123-45-67, romashka@example.com", "совпадают телефон и e-mail")]
    [InlineData("/client Ромашка", "совпадает название")]
    [InlineData("/client Ромашкa", "совпадает название")] // a Latin «a» does not dodge the check
    [InlineData("/client OOO «Pомашка»", "совпадает название")]
    public async Task A_manager_learns_only_who_has_another_managers_client_and_nothing_is_created(string command, string field)
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        await petr.SayAsync("/client Ромашка ООО, +7 900 123-45-67, romashka@example.com");

        var said = await _ivan.SayAsync(command);

        said.Should().ContainSingle();
        said[0].Text.Should().Contain("не создан").And.Contain("Такой клиент уже есть — его ведёт Пётр").And.Contain(field)
            .And.Contain("Обратитесь к руководителю");
        said[0].Text.Should().NotContain("Ромашка ООО").And.NotContain("900").And.NotContain("romashka@");
        said[0].Buttons.Should().BeEmpty("neither the card nor «create anyway» is offered");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_manager_cannot_force_a_duplicate_of_another_managers_client_by_typing_the_answer()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        await petr.SayAsync("/client Ромашка, +7 900 123-45-67");

        var said = await _ivan.LastAsync("/client dup ! ⟫ Другая, +7 900 123-45-67");

        said.Text.Should().Contain("его ведёт Пётр").And.NotContain("Ромашка");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_manager_told_about_another_managers_client_in_english_sees_no_details_either()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Peter");
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        await petr.SayAsync("/client Acme Ltd, +44 20 7946 0958, sales@acme.example");

        var said = await john.LastAsync("/client Other, sales@acme.example");

        said.Text.Should().Be("⚠️ Client “Other” was not created:\n• This client already exists — Peter manages it (same e-mail). Please ask your head.");
        said.Buttons.Should().BeEmpty();
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_manager_is_shown_their_own_look_alike_in_full_and_may_create_anyway()
    {
        await _ivan.SayAsync("/client Ромашка, +7 900 123-45-67");

        var offer = await _ivan.LastAsync("/client Лютик, 8 900 123-45-67");

        offer.Text.Should().Contain("Ромашка").And.Contain("+7 900 123-45-67").And.Contain("ваш клиент");
        (await _ivan.TapAsync(offer.Button("Всё равно создать")))[^1].Text.Should().Contain("Клиент <b>Лютик</b> создан");
        (await _app.CountAsync<Client>()).Should().Be(2);
    }

    [DatabaseFact]
    public async Task Another_managers_client_cannot_be_found_by_name_in_lookups_or_their_buttons()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        await petr.SayAsync("/client Ромашка, +7 900 123-45-67");

        foreach (var command in new[] { "/card Ромашка", "/card Ромашко", "/call Ромашкa обсудили", "/clients Ромашка", "/clients 900123" })
        {
            var said = await _ivan.SayAsync(command);
            said.Should().NotBeEmpty(command);
            said.Should().AllSatisfy(s => s.Plain.Should().NotContain("Ромашка</b>").And.NotContain("900 123"), command);
            said.SelectMany(s => s.Buttons).Should().NotContain(b => b.Label.Contains("Ромашка"), command);
        }
    }

    [DatabaseFact]
    public async Task Clients_stored_before_the_match_key_existed_get_it_at_the_next_start()
    {
        await _ivan.SayAsync("/client Ромашкa"); // a Latin «a»
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Clients\" SET \"MatchKey\" = ''"));

        _app = await _app.RestartAsync();

        (await _app.QueryAsync(db => db.Clients.SingleAsync())).MatchKey.Should().Be("ромашка");
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        (await petr.LastAsync("/client Ромашка")).Text.Should().Contain("его ведёт Иван");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_near_identical_name_offers_to_open_the_existing_card()
    {
        await _ivan.SayAsync("/client Ромашка");

        var offer = await _ivan.LastAsync("/client ООО «Ромашка»");

        offer.Text.Should().Contain("похожее название").And.Contain("ваш клиент");
        var card = await _ivan.TapAsync(offer.Button("🗂 Ромашка"));
        card[^1].Text.Should().Contain("🗂 <b>Ромашка</b>");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task Cancel_on_the_duplicate_question_creates_nothing()
    {
        await _ivan.SayAsync("/client Ромашка");
        await _ivan.SayAsync("/client Ромашка");

        (await _ivan.TapAsync("pick:-"))[^1].Text.Should().Be("Отменено.");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task An_unknown_segment_offers_the_existing_ones_or_none()
    {
        var retail = await Seed.SegmentAsync(_app, "retail");

        var question = await _ivan.LastAsync("/client Ромашка, #оптовики");

        question.Text.Should().Contain("Сегмента «#оптовики» нет");
        question.Buttons.Select(b => b.Label).Should().Contain(["retail", "Без сегмента"]);
        (await _app.CountAsync<Client>()).Should().Be(0);

        (await _ivan.TapAsync($"pick:s{retail}"))[^1].Text.Should().Contain("сегмент #retail");
        (await _ivan.ClientAsync("Ромашка")).SegmentId.Should().Be(retail);
    }

    [DatabaseFact]
    public async Task A_known_segment_is_set_and_none_can_be_chosen_for_an_unknown_one()
    {
        await Seed.SegmentAsync(_app, "Retail");
        await _ivan.SayAsync("/client Ромашка, #retail");
        await _ivan.SayAsync("/client Лютик #нет_такого");

        await _ivan.TapAsync("pick:0");

        (await _ivan.ClientAsync("Ромашка")).SegmentId.Should().NotBeNull();
        (await _ivan.ClientAsync("Лютик")).SegmentId.Should().BeNull();
    }

    [DatabaseFact]
    public async Task Without_a_name_the_bot_asks_and_the_answer_creates_the_client()
    {
        (await _ivan.LastAsync("/client")).Text.Should().Contain("Как называется клиент?");

        (await _ivan.LastAsync("Ромашка, 8 900 123-45-67")).Text.Should().Contain("Клиент <b>Ромашка</b> создан");
    }

    [DatabaseTheory]
    [InlineData("/client Ромашка, 12345678901234", "Не похоже на телефон")]
    [InlineData("/client Ромашка, a@b", "Не похоже на e-mail")]
    public async Task A_bad_phone_or_e_mail_is_refused_and_nothing_is_created(string command, string expected)
    {
        (await _ivan.LastAsync(command)).Text.Should().Contain(expected);
        (await _app.CountAsync<Client>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Undo_takes_a_new_client_back()
    {
        await _ivan.SayAsync("/client Ромашка");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: клиент «Ромашка» создан");
        (await _app.CountAsync<Client>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Undo_of_a_client_that_has_a_deal_by_now_names_the_deal_says_how_to_close_it_and_changes_nothing()
    {
        var deal = await HeadOpensADealOnANewClientAsync(_ivan, "Ромашка");

        var refused = await _ivan.LastAsync("/undo");

        refused.Text.Should().Be($"⚠️ Создание клиента не отменить: по нему уже есть сделка #{deal}, а сделки не удаляются. "
            + $"Ничего не изменено, клиент остаётся. Если сделка лишняя и ещё открыта, закройте её: /lost {deal}");
        (await _app.CountAsync<Client>()).Should().Be(1);
        (await _app.CountAsync<Deal>()).Should().Be(1);
        (await _app.QueryAsync(db => db.UndoLog.SingleAsync(u => u.Kind == "client.created"))).UndoneAt.Should().BeNull(
            "a refused undo is not spent, like a refused deal undo");
        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"сделка #{deal}", "asking again gets the same answer");

        (await _ivan.LastAsync($"/lost {deal} цена")).Text.Should().Contain($"#{deal}").And.Contain("проиграна");
        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: проигрыш");
    }

    [DatabaseFact]
    public async Task Undo_of_a_client_refused_for_a_deal_is_explained_in_english_too()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");
        var deal = await HeadOpensADealOnANewClientAsync(john, "Acme Ltd");

        (await john.LastAsync("/undo")).Text.Should().Be(
            $"⚠️ Creating this client can no longer be undone: it has deal #{deal} now, and deals are never deleted. "
            + $"Nothing was changed; the client stays. If the deal is not needed and still open, close it: /lost {deal}");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task Undo_of_a_client_a_colleague_has_worked_on_keeps_the_client_and_their_work()
    {
        var head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга <b>Evil</b>");
        await _ivan.SayAsync("/client Ромашка");
        await head.SayAsync("/call Ромашка обсудили цену далее завтра");

        (await _ivan.LastAsync("/undo")).Text.Should().Be(
            "⚠️ Создание клиента не отменить: по нему уже работает Ольга &lt;b&gt;Evil&lt;/b&gt;, а чужие касания и планы не удаляются. "
            + "Ничего не изменено, клиент остаётся.");
        (await _app.CountAsync<Client>()).Should().Be(1);
        (await _app.CountAsync<Touch>()).Should().Be(2, "the colleague's call and the next contact they planned stay");
    }

    [DatabaseFact]
    public async Task Undo_of_a_client_still_takes_the_users_own_plan_with_it()
    {
        await _ivan.SayAsync("/client Ромашка");
        var client = await _ivan.ClientAsync("Ромашка");
        await Seed.PlannedAsync(_app, client.Id, await _ivan.UserIdAsync(), new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc), DateTime.UtcNow);

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: клиент «Ромашка» создан");
        (await _app.CountAsync<Client>()).Should().Be(0);
        (await _app.CountAsync<Touch>()).Should().Be(0);
    }

    /// <summary>The manager creates the client; before they undo it, their head opens a deal on it.</summary>
    private async Task<long> HeadOpensADealOnANewClientAsync(Chat manager, string client)
    {
        var head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга");
        await manager.SayAsync($"/client {client}");
        await head.SayAsync($"/deal {client} 150000");
        return await _app.QueryAsync(db => db.Deals.Select(d => d.Id).SingleAsync());
    }

    [DatabaseFact]
    public async Task A_client_is_created_in_english_too()
    {
        var john = await Chat.JoinAsync(_app, 2004, name: "John", language: "en");

        var reply = await john.LastAsync("/client Acme Ltd, +44 20 7946 0958");

        reply.Text.Should().Contain("Client <b>Acme Ltd</b> created").And.Contain("+44 20 7946 0958");
        (await john.LastAsync("/client Acme")).Text.Should().Contain("may already be here").And.Contain("similar name");
    }
}

public sealed class CreateClientTestsOnSqlite() : CreateClientTests(TestDatabase.Sqlite());

[Postgres]
public sealed class CreateClientTestsOnPostgres() : CreateClientTests(TestDatabase.Postgres());

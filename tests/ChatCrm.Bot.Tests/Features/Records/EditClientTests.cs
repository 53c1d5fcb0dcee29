using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Records;

public abstract class EditClientTests(TestDatabase database) : RecordsTest(database)
{
    [DatabaseFact]
    public async Task A_phone_is_added_and_the_client_is_then_found_by_it_and_removed_again()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now, phone: "+7 495 123-45-67");

        var added = await Ivan.LastAsync("/edit Ромашка phone +7 900 111-22-33");

        added.Text.Should().Contain("✏️ <b>Ромашка</b> — телефон: +7 495 123-45-67, +7 900 111-22-33");
        (await Ivan.ClientAsync("Ромашка")).PhoneNumbers.Should().Equal("+74951234567", "+79001112233");
        (await Ivan.LastAsync("/card 9001112233")).Text.Should().Contain("🗂 <b>Ромашка</b>");

        var removed = await Ivan.LastAsync("/edit Ромашка телефон - +79001112233");

        removed.Text.Should().Contain("телефон: +7 495 123-45-67").And.NotContain("900");
        (await Ivan.ClientAsync("Ромашка")).PhoneNumbers.Should().Equal("+74951234567");
        (await Ivan.LastAsync("/card 9001112233")).Text.Should().Contain("не нашёл");
    }

    [DatabaseFact]
    public async Task An_email_is_added_and_removed_with_the_russian_words()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await Ivan.LastAsync("/edit Ромашка почта Info@Romashka.ru")).Text.Should().Contain("почта: info@romashka.ru");
        (await Ivan.ClientAsync("Ромашка")).EmailAddresses.Should().Equal("info@romashka.ru");
        (await Ivan.LastAsync("/card info@romashka.ru")).Text.Should().Contain("🗂 <b>Ромашка</b>");

        (await Ivan.LastAsync("/edit Ромашка email удалить info@romashka.ru")).Text.Should().Contain("почта: <i>не указано</i>");
        (await Ivan.ClientAsync("Ромашка")).EmailAddresses.Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Segment_city_and_note_are_set_and_cleared()
    {
        await Seed.SegmentAsync(App, "опт");
        var segmentId = await App.QueryAsync(db => db.Segments.Where(s => s.Name == "опт").Select(s => s.Id).SingleAsync());
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await Ivan.LastAsync("/edit Ромашка сегмент #опт")).Text.Should().Contain("сегмент: #опт");
        (await Ivan.LastAsync("/edit Ромашка город Казань")).Text.Should().Contain("город: Казань");
        (await Ivan.LastAsync("/edit Ромашка примечание звонить после обеда")).Text.Should().Contain("заметка: звонить после обеда");
        var client = await Ivan.ClientAsync("Ромашка");
        (client.SegmentId, client.City, client.Note).Should().Be((segmentId, "Казань", "звонить после обеда"));

        (await Ivan.LastAsync("/edit Ромашка segment -")).Text.Should().Contain("сегмент: <i>не указано</i>");
        await Ivan.SayAsync("/edit Ромашка city -");
        await Ivan.SayAsync("/edit Ромашка note -");
        client = await Ivan.ClientAsync("Ромашка");
        (client.SegmentId, client.City, client.Note).Should().Be(((long?)null, (string?)null, (string?)null));
    }

    [DatabaseFact]
    public async Task A_rename_is_shown_and_the_client_is_found_by_the_new_name()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await Ivan.LastAsync("/edit Ромашка название Лютик и партнёры")).Text.Should().Contain("название: Лютик и партнёры");

        (await Ivan.LastAsync("/card лютик")).Text.Should().Contain("🗂 <b>Лютик и партнёры</b>");
        (await App.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_name_another_managers_client_has_is_refused_saying_only_whose_it_is()
    {
        var petr = await Chat.JoinAsync(App, 2003, name: "Пётр");
        await Seed.ClientAsync(App, "Лютик", await petr.UserIdAsync(), Now, phone: "+7 900 555-55-55");
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        var said = await Ivan.LastAsync("/edit Ромашка name Лютик");

        said.Text.Should().Contain("не переименован").And.Contain("Пётр").And.NotContain("555");
        said.Labels.Should().NotContain(l => l.Contains("Всё равно", StringComparison.Ordinal));
        (await Ivan.ClientAsync("Ромашка")).Name.Should().Be("Ромашка");
    }

    [DatabaseFact]
    public async Task A_name_of_ones_own_client_can_be_taken_anyway_with_the_button()
    {
        await Seed.ClientAsync(App, "Лютик", IvanId, Now);
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        var said = await Ivan.LastAsync("/edit Ромашка name Лютик");
        said.Text.Should().Contain("не переименован");

        (await Ivan.TapAsync(said.Button("Всё равно")))[^1].Text.Should().Contain("название: Лютик");
        (await App.QueryAsync(db => db.Clients.CountAsync(c => c.Name == "Лютик"))).Should().Be(2);
    }

    [DatabaseFact]
    public async Task Bare_forms_ask_for_the_client_then_give_field_buttons_then_ask_for_the_value()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await Ivan.LastAsync("/edit")).Text.Should().Contain("Какого клиента изменить");
        var fields = await Ivan.LastAsync("Ромашка");
        fields.Labels.Should().Contain(["название", "телефон", "почта", "сегмент", "город", "заметка"]);

        (await Ivan.TapAsync(fields.Button("город")))[^1].Text.Should().Contain("город: напишите новое значение");
        (await Ivan.LastAsync("Самара")).Text.Should().Contain("город: Самара");

        (await Ivan.ClientAsync("Ромашка")).City.Should().Be("Самара");
    }

    [DatabaseTheory]
    [InlineData("/edit Ромашка phone 12", "Не похоже на телефон")]
    [InlineData("/edit Ромашка email not-an-address", "Не похоже на e-mail")]
    [InlineData("/edit Ромашка phone - +7 900 999-99-99", "нет «+7 900 999-99-99»")]
    [InlineData("/edit Ромашка segment #нет-такого", "Сегмента «#нет-такого» нет")]
    [InlineData("/edit Ромашка цвет синий", "Не знаю поля «цвет»")]
    [InlineData("/edit Ромашка name -", "Название не может быть пустым")]
    public async Task Invalid_values_get_a_clear_reply_and_change_nothing(string command, string expected)
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now, phone: "+7 495 123-45-67");
        var before = await Ivan.ClientAsync("Ромашка");

        var said = await Ivan.LastAsync(command);

        said.Text.Should().Contain(expected).And.NotContain("✏️ <b>Ромашка</b> —");
        var after = await Ivan.ClientAsync("Ромашка");
        (after.Name, after.Phones, after.Emails, after.SegmentId).Should().Be((before.Name, before.Phones, before.Emails, before.SegmentId));
        (await Ivan.LastAsync("/undo")).Text.Should().Contain("Отменять нечего").And.NotContain("Отменено");
    }

    [DatabaseFact]
    public async Task The_english_reply_names_the_field_in_english()
    {
        await Seed.ClientAsync(App, "Acme", IvanId, Now);

        (await Ivan.LastAsync("/edit Acme city Leeds", "en")).Text.Should().Contain("city is now Leeds");
        (await Ivan.LastAsync("/edit Acme colour blue", "en")).Text.Should().Contain("I don't know the field");
    }

    [DatabaseFact]
    public async Task A_manager_cannot_edit_another_managers_client()
    {
        var petr = await Chat.JoinAsync(App, 2003, name: "Пётр");
        var id = await Seed.ClientAsync(App, "Лютик", await petr.UserIdAsync(), Now);

        (await Ivan.LastAsync("/edit Лютик город Казань")).Text.Should().Contain("не нашёл");
        (await Ivan.LastAsync($"/edit #c{id} город Казань")).Text.Should().Contain("не нашёл");

        (await petr.ClientAsync("Лютик")).City.Should().BeNull();
    }

    [DatabaseFact]
    public async Task A_head_edits_any_managers_client()
    {
        var head = await Chat.JoinAsync(App, 2005, role: "head", name: "Ольга");
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await head.LastAsync("/edit Ромашка город Казань")).Text.Should().Contain("город: Казань");
    }

    [DatabaseFact]
    public async Task Undo_puts_the_edited_field_back_and_the_old_phone_finds_the_client_again()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now, phone: "+7 495 123-45-67");
        await Ivan.SayAsync("/edit Ромашка phone - +74951234567");
        (await Ivan.LastAsync("/card 4951234567")).Text.Should().Contain("не нашёл");

        (await Ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: изменение «Ромашка»: телефон");

        (await Ivan.ClientAsync("Ромашка")).PhoneNumbers.Should().Equal("+74951234567");
        (await Ivan.LastAsync("/card 4951234567")).Text.Should().Contain("🗂 <b>Ромашка</b>");
    }
}

public sealed class EditClientTestsOnSqlite() : EditClientTests(TestDatabase.Sqlite());

[Postgres]
public sealed class EditClientTestsOnPostgres() : EditClientTests(TestDatabase.Postgres());

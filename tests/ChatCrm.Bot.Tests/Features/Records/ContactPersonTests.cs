using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Records;

public abstract class ContactPersonTests(TestDatabase database) : RecordsTest(database)
{
    [DatabaseFact]
    public async Task A_person_is_added_with_the_parts_told_apart_by_shape_and_the_card_lists_them()
    {
        var id = await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        var said = await Ivan.LastAsync("/person Ромашка Иван Петров, ivan@romashka.ru, 8 900 111-22-33, закупщик");

        said.Text.Should().Contain("добавлено контактное лицо Иван Петров, закупщик, +7 900 111-22-33, ivan@romashka.ru");
        var person = await App.QueryAsync(db => db.ContactPeople.SingleAsync());
        (person.ClientId, person.Name, person.Position, person.Phone, person.Email)
            .Should().Be((id, "Иван Петров", "закупщик", "+79001112233", "ivan@romashka.ru"));
        (await Ivan.LastAsync("/card Ромашка")).Text.Should().Contain("Контактные лица</b> (1)").And.Contain("• Иван Петров, закупщик");
    }

    [DatabaseFact]
    public async Task The_list_has_edit_and_remove_buttons_and_a_removal_is_undone()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);
        await Ivan.SayAsync("/person Ромашка Иван Петров, закупщик");
        await Ivan.SayAsync("/person Ромашка Мария, бухгалтер");

        var list = await Ivan.LastAsync("/person Ромашка");
        list.Text.Should().Contain("2 контактных лица").And.Contain("• Иван Петров, закупщик").And.Contain("• Мария, бухгалтер");
        list.Labels.Should().Contain(["✏️ Иван Петров", "🗑 Иван Петров", "✏️ Мария", "🗑 Мария"]);

        (await Ivan.TapAsync(list.Button("🗑 Мария")))[^1].Text.Should().Contain("Мария, бухгалтер удалено");
        (await App.QueryAsync(db => db.ContactPeople.Select(p => p.Name).ToListAsync())).Should().Equal("Иван Петров");

        (await Ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: контактное лицо Мария удалено у «Ромашка»");
        (await App.QueryAsync(db => db.ContactPeople.OrderBy(p => p.Id).Select(p => p.Name + "/" + p.Position).ToListAsync()))
            .Should().Equal("Иван Петров/закупщик", "Мария/бухгалтер");
    }

    [DatabaseFact]
    public async Task The_edit_button_asks_for_the_person_anew_and_undo_puts_the_old_details_back()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);
        await Ivan.SayAsync("/person Ромашка Иван Петров, закупщик");
        var list = await Ivan.LastAsync("/person Ромашка");

        (await Ivan.TapAsync(list.Button("✏️ Иван")))[^1].Text.Should().Contain("напишите заново");
        (await Ivan.LastAsync("Иван Петров, директор, +7 900 111-22-33")).Text.Should().Contain("теперь Иван Петров, директор, +7 900 111-22-33");
        (await App.QueryAsync(db => db.ContactPeople.SingleAsync())).Position.Should().Be("директор");

        await Ivan.SayAsync("/undo");
        var person = await App.QueryAsync(db => db.ContactPeople.SingleAsync());
        (person.Position, person.Phone).Should().Be(("закупщик", (string?)null));
    }

    [DatabaseFact]
    public async Task Undo_of_an_added_person_removes_it()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);
        await Ivan.SayAsync("/person Ромашка Иван Петров");

        (await Ivan.LastAsync("/undo")).Text.Should().Contain("контактное лицо Иван Петров добавлено к «Ромашка»");

        (await App.CountAsync<ContactPerson>()).Should().Be(0);
    }

    [DatabaseTheory]
    [InlineData("/person Ромашка Иван, +7 12", "Не похоже на телефон")]
    [InlineData("/person Ромашка Иван, a@b, c@d.ru", "Не понял «c@d.ru»")]
    [InlineData("/person Ромашка Иван, закупщик, директор", "Не понял «директор»")]
    [InlineData("/person Ромашка Иван, bad@", "Не похоже на e-mail")]
    public async Task Bad_parts_are_refused_and_nothing_is_added(string command, string expected)
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await Ivan.LastAsync(command)).Text.Should().Contain(expected);

        (await App.CountAsync<ContactPerson>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task A_bare_command_asks_which_client_and_an_empty_list_says_how_to_add()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await Ivan.LastAsync("/person")).Text.Should().Contain("К какому клиенту");
        (await Ivan.LastAsync("/person Ромашка")).Text.Should().Contain("нет контактных лиц");
        (await Ivan.LastAsync("/person Ромашка", "en")).Text.Should().Contain("has no contact persons");
    }

    [DatabaseFact]
    public async Task A_manager_cannot_add_to_list_or_remove_another_managers_persons()
    {
        var petr = await Chat.JoinAsync(App, 2003, name: "Пётр");
        await Seed.ClientAsync(App, "Лютик", await petr.UserIdAsync(), Now);
        await petr.SayAsync("/person Лютик Анна, директор");
        var personId = await App.QueryAsync(db => db.ContactPeople.Select(p => p.Id).SingleAsync());

        (await Ivan.LastAsync("/person Лютик Олег")).Text.Should().Contain("не нашёл");
        (await Ivan.LastAsync("/person Лютик")).Text.Should().Contain("не нашёл").And.NotContain("Анна");
        await Ivan.TapUntilAnsweredAsync($"prs:d:{personId}");

        (await App.QueryAsync(db => db.ContactPeople.Select(p => p.Name).ToListAsync())).Should().Equal("Анна");
    }
}

public sealed class ContactPersonTestsOnSqlite() : ContactPersonTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ContactPersonTestsOnPostgres() : ContactPersonTests(TestDatabase.Postgres());

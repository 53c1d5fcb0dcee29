using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Records;

/// <summary>An /undo of a record change that can no longer be taken back says why in the words of that change, never a deal's.</summary>
public abstract class UndoRefusalTests(TestDatabase database) : RecordsTest(database)
{
    private Chat _head = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _head = await Chat.JoinAsync(App, 2005, role: "head", name: "Ольга");
    }

    [DatabaseFact]
    public async Task An_edit_changed_since_by_the_head_is_not_undone_and_the_reply_speaks_of_the_client()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);
        await Ivan.SayAsync("/edit Ромашка город Казань");
        await _head.SayAsync("/edit Ромашка город Самара");

        var said = await Ivan.LastAsync("/undo");

        said.Text.Should().Be("⚠️ Правку «Ромашка» не отменить: данные клиента с тех пор уже меняли. Ничего не изменено — поправьте их командой /edit.");
        (await Ivan.ClientAsync("Ромашка")).City.Should().Be("Самара");
    }

    [DatabaseFact]
    public async Task An_edit_of_a_client_handed_to_another_manager_since_is_not_undone()
    {
        var petrId = await (await Chat.JoinAsync(App, 2003, name: "Пётр")).UserIdAsync();
        var id = await Seed.ClientAsync(App, "Ромашка", IvanId, Now);
        await Ivan.SayAsync("/edit Ромашка заметка звонить утром");
        await App.WriteAsync(async db => { (await db.Clients.SingleAsync(c => c.Id == id)).AssignTo(petrId); return 0; });

        var said = await Ivan.LastAsync("/undo");

        said.Text.Should().Be("⚠️ Не отменить: этого клиента уже ведёт другой менеджер. Ничего не изменено.");
        (await Ivan.ClientAsync("Ромашка")).Note.Should().Be("звонить утром");
    }

    [DatabaseFact]
    public async Task A_person_removed_since_is_not_brought_back_by_undoing_its_edit()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);
        await Ivan.SayAsync("/person Ромашка Мария, закупщик");
        await App.WriteAsync(async db => { db.ContactPeople.Remove(await db.ContactPeople.SingleAsync()); return 0; });

        var said = await Ivan.LastAsync("/undo");

        said.Text.Should().Be("⚠️ Изменение контактного лица Мария не отменить: его с тех пор уже меняли или удаляли. "
            + "Ничего не изменено — поправьте его командой /person.");
        (await App.CountAsync<ChatCrm.Core.Domain.Crm.ContactPerson>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task A_merge_whose_kept_client_was_merged_again_is_not_undone()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-60));
        await Seed.ClientAsync(App, "Ромашка ООО", IvanId, Now.AddDays(-30));
        await Seed.ClientAsync(App, "Лютик", IvanId, Now.AddDays(-90));
        await MergeAsync(Ivan, "/merge Ромашка Ромашка ООО");
        await MergeAsync(_head, "/merge Лютик Ромашка");

        var said = await Ivan.LastAsync("/undo");

        said.Text.Should().Be("⚠️ Объединение с «Ромашка ООО» не отменить: клиентов с тех пор снова объединяли или удаляли. Ничего не изменено.");
        (await App.QueryAsync(db => db.Clients.Select(c => c.Name).ToListAsync())).Should().Equal("Лютик");
    }

    [DatabaseFact]
    public async Task An_english_user_is_told_in_english()
    {
        var john = await Chat.JoinAsync(App, 2004, name: "John", language: "en");
        await Seed.ClientAsync(App, "Acme", await john.UserIdAsync(), Now);
        await john.SayAsync("/edit Acme city Boston");
        await _head.SayAsync("/edit Acme city Denver");

        var said = await john.LastAsync("/undo");

        said.Text.Should().Be("⚠️ The edit of “Acme” can no longer be undone: the client's details have changed since. Nothing was changed — fix them with /edit.");
    }

    private static async Task MergeAsync(Chat chat, string command)
    {
        var ask = await chat.LastAsync(command);
        (await chat.TapAsync(ask.Button("Объединить")))[^1].Text.Should().Contain("объединён с");
    }
}

public sealed class UndoRefusalTestsOnSqlite() : UndoRefusalTests(TestDatabase.Sqlite());

[Postgres]
public sealed class UndoRefusalTestsOnPostgres() : UndoRefusalTests(TestDatabase.Postgres());

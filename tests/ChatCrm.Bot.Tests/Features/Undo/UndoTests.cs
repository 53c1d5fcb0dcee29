using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Undo;

/// <summary>/undo takes back the user's last change — and only that: it never reaches past a change it cannot take back.</summary>
public abstract class UndoTests(TestDatabase database) : IAsyncLifetime
{
    private ChatCrmApp _app = null!;
    private Chat _head = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _head = await Chat.JoinAsync(_app, 2005, role: "admin", name: "Ольга");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseFact]
    public async Task A_change_undo_cannot_take_back_stops_undo_from_reaching_an_older_one()
    {
        await _head.SayAsync("/client Ромашка");
        await _head.SayAsync("/stage rename Квалификация Оценка");

        var reply = await _head.LastAsync("/undo");

        reply.Text.Should().Be("Последнее изменение — «этап переименован: Продажи (Квалификация → Оценка)» — через /undo не отменить: исправьте его вручную. Более ранние изменения остаются как есть.");
        (await _app.CountAsync<Client>()).Should().Be(1, "the client made before the rename stays");
        (await _app.QueryAsync(db => db.Stages.AnyAsync(s => s.Name == "Оценка"))).Should().BeTrue();
    }

    [DatabaseFact]
    public async Task A_refused_command_and_a_preference_are_not_changes_and_two_undos_go_two_steps_back()
    {
        await _head.SayAsync("/client Ромашка");
        await _head.SayAsync("/client Лютик");
        await _head.SayAsync("/stage rename Нетакого Оценка");
        await _head.SayAsync("/quiet 22:00-07:00");

        (await _head.LastAsync("/undo")).Text.Should().Contain("Отменено: клиент «Лютик» создан");
        (await _head.LastAsync("/undo")).Text.Should().Contain("Отменено: клиент «Ромашка» создан");
        (await _app.CountAsync<Client>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task The_refusal_is_in_english_for_an_english_user()
    {
        var john = await Chat.JoinAsync(_app, 2006, role: "admin", name: "John", language: "en");
        await john.SayAsync("/stage rename Квалификация Qualification");

        (await john.LastAsync("/undo")).Text.Should().StartWith("Your last change — “stage renamed: Продажи (Квалификация → Qualification)” — cannot be undone with /undo");
    }

    [DatabaseFact]
    public void A_description_longer_than_its_column_is_shortened_not_refused_by_postgresql()
    {
        var entry = UndoEntry.Record(1, UndoEntry.Irreversible, "", new string('Ж', 600), DateTime.UtcNow);

        entry.Description.Should().HaveLength(UndoEntry.MaxDescriptionLength).And.EndWith("…");
    }
}

public sealed class UndoTestsOnSqlite() : UndoTests(TestDatabase.Sqlite());

[Postgres]
public sealed class UndoTestsOnPostgres() : UndoTests(TestDatabase.Postgres());

using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Records;

public abstract class MergeClientsTests(TestDatabase database) : RecordsTest(database)
{
    [DatabaseFact]
    public async Task A_merge_is_confirmed_with_the_counts_moves_everything_and_undo_restores_both_exactly()
    {
        var keep = await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-60), phone: "+7 495 123-45-67");
        await Seed.TouchAsync(App, keep, IvanId, Now.AddDays(-20), "звонок в Ромашку");
        await Seed.TouchAsync(App, keep, IvanId, Now.AddDays(-19), "ещё звонок");
        var dup = await Seed.ClientAsync(App, "Ромашка ООО", IvanId, Now.AddDays(-30), phone: "+7 900 111-22-33");
        await Ivan.SayAsync($"/edit #c{dup} город Казань");
        await Seed.TouchAsync(App, dup, IvanId, Now.AddDays(-3), "звонок в дубль");
        var planned = await Seed.PlannedAsync(App, dup, IvanId, Now.AddDays(1), Now, "перезвонить");
        var deal = await Seed.DealAsync(App, dup, IvanId, 50_000m, Now.AddDays(-2), title: "дубль-сделка");
        await Ivan.SayAsync($"/person #c{dup} Иван Петров");
        var before = await Snapshot(dup);
        var keptBefore = await Ivan.ClientAsync("Ромашка");

        var keepWhich = await Ivan.LastAsync("/merge Ромашка Ромашка ООО");
        keepWhich.Text.Should().Contain("какого клиента оставить", "the duplicate has more work on it than the first");
        var ask = (await Ivan.TapAsync(keepWhich.Button("Оставить «Ромашка»")))[^1];

        ask.Text.Should().Contain("Объединить «Ромашка ООО» в «Ромашка»: 1 касание, 1 запланированный контакт, 1 сделка, 1 контактное лицо?");
        var done = (await Ivan.TapAsync(ask.Button("Объединить")))[^1];
        done.Text.Should().Contain("«Ромашка ООО» объединён с <b>Ромашка</b>");

        (await App.QueryAsync(db => db.Clients.AnyAsync(c => c.Id == dup))).Should().BeFalse();
        (await App.QueryAsync(db => db.Touches.CountAsync(a => a.ClientId == keep))).Should().Be(4);
        (await App.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == deal))).ClientId.Should().Be(keep);
        (await App.QueryAsync(db => db.ContactPeople.SingleAsync())).ClientId.Should().Be(keep);
        var kept = await Ivan.ClientAsync("Ромашка");
        kept.PhoneNumbers.Should().Equal("+74951234567", "+79001112233");
        kept.City.Should().Be("Казань");
        kept.NextContactAt.Should().Be(Now.AddDays(1));
        (await Ivan.LastAsync("/card 9001112233")).Text.Should().Contain("🗂 <b>Ромашка</b>");

        (await Ivan.LastAsync("/undo")).Text.Should().Contain("Отменено: «Ромашка ООО» объединён с «Ромашка»");

        (await Snapshot(dup)).Should().Be(before);
        var restored = await Ivan.ClientAsync("Ромашка");
        (restored.Phones, restored.City, restored.LastTouchAt, restored.NextContactAt)
            .Should().Be((keptBefore.Phones, keptBefore.City, keptBefore.LastTouchAt, keptBefore.NextContactAt));
        (await App.QueryAsync(db => db.Touches.CountAsync(a => a.ClientId == keep))).Should().Be(2);
        (await App.QueryAsync(db => db.Touches.SingleAsync(a => a.Id == planned))).ClientId.Should().Be(dup);
        (await Ivan.LastAsync("/card 9001112233")).Text.Should().Contain("🗂 <b>Ромашка ООО</b>");
    }

    [DatabaseFact]
    public async Task When_the_second_has_more_work_the_user_is_asked_which_to_keep()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-60));
        var dup = await Seed.ClientAsync(App, "Ромашка ООО", IvanId, Now.AddDays(-30));
        await Seed.TouchAsync(App, dup, IvanId, Now.AddDays(-3), "звонок");

        var ask = await Ivan.LastAsync("/merge Ромашка Ромашка ООО");

        ask.Text.Should().Contain("какого клиента оставить");
        ask.Labels.Should().Contain(["Оставить «Ромашка»", "Оставить «Ромашка ООО»"]);
        var confirm = (await Ivan.TapAsync(ask.Button("Оставить «Ромашка ООО»")))[^1];
        confirm.Text.Should().Contain("Объединить «Ромашка» в «Ромашка ООО»: 0 касаний");
        await Ivan.TapAsync(confirm.Button("Объединить"));

        (await App.QueryAsync(db => db.Clients.Select(c => c.Name).ToListAsync())).Should().Equal("Ромашка ООО");
    }

    [DatabaseFact]
    public async Task Phones_that_do_not_fit_are_named()
    {
        var keep = await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-60));
        foreach (var tail in new[] { "01", "02", "03", "04", "05" })
        {
            await Ivan.SayAsync($"/edit Ромашка phone +7 900 000-00-{tail}");
        }

        await Seed.ClientAsync(App, "Ромашка ООО", IvanId, Now.AddDays(-30), phone: "+7 900 111-22-33");

        await Ivan.SayAsync("/merge Ромашка Ромашка ООО");
        var done = (await Ivan.TapAsync("pick:ok"))[^1];

        done.Text.Should().Contain("Не поместились").And.Contain("+7 900 111-22-33");
        (await App.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == keep))).PhoneNumbers.Should().HaveCount(5);
    }

    [DatabaseFact]
    public async Task A_manager_cannot_merge_another_managers_client_and_bad_input_changes_nothing()
    {
        var petr = await Chat.JoinAsync(App, 2003, name: "Пётр");
        await Seed.ClientAsync(App, "Лютик", await petr.UserIdAsync(), Now);
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        (await Ivan.LastAsync("/merge Ромашка Лютик")).Text.Should().Contain("не нашёл");
        (await Ivan.LastAsync("/merge Лютик Ромашка")).Text.Should().Contain("не нашёл");
        (await Ivan.LastAsync("/merge Ромашка Ромашка")).Text.Should().Contain("один и тот же клиент");
        (await Ivan.LastAsync("/merge")).Text.Should().Contain("Каких клиентов объединить");

        (await App.CountAsync<Client>()).Should().Be(2);
    }

    [DatabaseFact]
    public async Task A_head_merges_clients_of_two_managers()
    {
        var head = await Chat.JoinAsync(App, 2005, role: "head", name: "Ольга");
        var petr = await Chat.JoinAsync(App, 2003, name: "Пётр");
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-10));
        var dup = await Seed.ClientAsync(App, "Ромашка ООО", await petr.UserIdAsync(), Now);

        await head.SayAsync("/merge Ромашка Ромашка ООО");
        (await head.TapAsync("pick:ok"))[^1].Text.Should().Contain("объединён");

        (await App.QueryAsync(db => db.Clients.AnyAsync(c => c.Id == dup))).Should().BeFalse();
    }

    private Task<string> Snapshot(long id) =>
        App.QueryAsync(async db =>
        {
            var c = await db.Clients.SingleAsync(x => x.Id == id);
            var touches = await db.Touches.Where(a => a.ClientId == id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            var deals = await db.Deals.Where(d => d.ClientId == id).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
            var persons = await db.ContactPeople.Where(p => p.ClientId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            return $"{c.Name}|{c.Phones}|{c.Emails}|{c.City}|{c.Note}|{c.OwnerUserId}|{c.CreatedAt:O}|{c.LastTouchAt:O}|{c.NextContactAt:O}|"
                + $"{string.Join(',', touches)}|{string.Join(',', deals)}|{string.Join(',', persons)}";
        });
}

public sealed class MergeClientsTestsOnSqlite() : MergeClientsTests(TestDatabase.Sqlite());

[Postgres]
public sealed class MergeClientsTestsOnPostgres() : MergeClientsTests(TestDatabase.Postgres());

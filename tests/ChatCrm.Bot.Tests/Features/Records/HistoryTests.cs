using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Tests.Features.Records;

public abstract class HistoryTests(TestDatabase database) : RecordsTest(database)
{
    [DatabaseFact]
    public async Task The_timeline_is_newest_first_with_touches_plans_deal_moves_wins_and_payments()
    {
        var id = await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-30));
        await Seed.TouchAsync(App, id, IvanId, Now.AddDays(-10), "первый звонок");
        var deal = await Seed.DealAsync(App, id, IvanId, 100_000m, Now.AddDays(-9), title: "станки");
        await Ivan.SayAsync($"/won {deal}");
        await Ivan.SayAsync($"/paid {deal} 40000");
        await Seed.PlannedAsync(App, id, IvanId, Now.AddDays(2), Now, "прислать КП");
        await Ivan.SayAsync("/person Ромашка Иван Петров, закупщик");

        var said = await Ivan.LastAsync("/history Ромашка");

        var text = said.Plain;
        text.Should().Contain("📜 <b>История</b> <b>Ромашка</b>").And.Contain("Контактные лица: Иван Петров, закупщик");
        var order = new[] { "запланирован: Звонок — прислать КП", "оплата по #" + deal + ": 40 000 ₽", "#" + deal + " выиграна: 100 000 ₽",
            "сделка #" + deal + " «станки» открыта: 100 000 ₽", "✅ Звонок — первый звонок" };
        order.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
        text.Should().Contain("23 нояб. 2026, 12:00", "dates are in the user's zone (Moscow) and language");
    }

    [DatabaseFact]
    public async Task A_long_history_is_paged_with_buttons_and_every_page_fits_a_message()
    {
        var id = await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-400));
        for (var i = 1; i <= 60; i++)
        {
            await Seed.TouchAsync(App, id, IvanId, Now.AddDays(-i), $"звонок номер {i:00} " + new string('ж', 50));
        }

        var first = await Ivan.LastAsync("/history Ромашка");
        first.Text.Should().Contain("(стр. 1/3)").And.Contain("звонок номер 01").And.NotContain("звонок номер 26");
        first.Text.IndexOf("номер 01", StringComparison.Ordinal).Should().BeLessThan(first.Text.IndexOf("номер 02", StringComparison.Ordinal));
        first.Buttons.Should().Contain(b => b.Data == $"hist:{id}:2");

        var second = (await Ivan.TapAsync($"hist:{id}:2"))[^1];
        second.Redrawn.Should().BeTrue();
        second.Text.Should().Contain("(стр. 2/3)").And.Contain("звонок номер 26").And.NotContain("звонок номер 25 ");
        second.Buttons.Select(b => b.Data).Should().Contain([$"hist:{id}:1", $"hist:{id}:3"]);

        var third = (await Ivan.TapAsync($"hist:{id}:3"))[^1];
        third.Text.Should().Contain("звонок номер 60").And.Contain("(стр. 3/3)");
        foreach (var page in new[] { first, second, third })
        {
            page.Text.Length.Should().BeLessThanOrEqualTo(Reply.MaxLength);
        }
    }

    [DatabaseFact]
    public async Task A_manager_cannot_see_another_managers_history()
    {
        var petr = await Chat.JoinAsync(App, 2003, name: "Пётр");
        var id = await Seed.ClientAsync(App, "Лютик", await petr.UserIdAsync(), Now);
        await Seed.TouchAsync(App, id, await petr.UserIdAsync(), Now.AddDays(-1), "секретный звонок");

        (await Ivan.LastAsync("/history Лютик")).Text.Should().Contain("не нашёл");
        (await Ivan.TapAsync($"hist:{id}:1")).Should().NotContain(s => s.Text.Contains("секретный", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Edits_and_contact_persons_stand_in_the_timeline_with_when_and_by_whom()
    {
        var head = await Chat.JoinAsync(App, 2005, role: "head", name: "Ольга");
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-30));
        await Ivan.SayAsync("/edit Ромашка город Казань");
        Clock.Advance(TimeSpan.FromHours(1));
        await head.SayAsync("/edit Ромашка телефон +7 900 111-22-33");
        Clock.Advance(TimeSpan.FromHours(1));
        await Ivan.SayAsync("/person Ромашка Мария, бухгалтер");
        Clock.Advance(TimeSpan.FromHours(1));
        await Ivan.TapAsync((await Ivan.LastAsync("/person Ромашка")).Button("🗑 Мария"));
        Clock.Advance(TimeSpan.FromHours(1));
        await Ivan.SayAsync("/person Ромашка Иван Петров");
        await Ivan.SayAsync("/undo");

        var text = (await Ivan.LastAsync("/history Ромашка")).Plain;

        var order = new[]
        {
            "3 дек. 2026, 16:00 · ↩️ отменено изменение контактного лица Иван Петров",
            "3 дек. 2026, 16:00 · 👤 добавлено контактное лицо Иван Петров",
            "3 дек. 2026, 15:00 · 👤 удалено контактное лицо Мария, бухгалтер",
            "3 дек. 2026, 14:00 · 👤 добавлено контактное лицо Мария, бухгалтер",
            "3 дек. 2026, 13:00 · ✏️ телефон: +7 900 111-22-33 (Ольга)",
            "3 дек. 2026, 12:00 · ✏️ город: Казань",
        };
        order.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
        text.Should().NotContain("Казань (Иван)", "the asker's own changes are not signed");
        (await head.LastAsync("/history Ромашка")).Plain.Should().Contain("✏️ город: Казань (Иван)", "the head sees who changed it");
    }

    [DatabaseFact]
    public async Task A_same_named_client_of_another_manager_lends_none_of_its_edits()
    {
        var petr = await Chat.JoinAsync(App, 2003, name: "Пётр");
        var ivans = await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-30));
        await Seed.ClientAsync(App, "Ромашка", await petr.UserIdAsync(), Now.AddDays(-30));
        await Seed.TouchAsync(App, ivans, IvanId, Now.AddDays(-1), "звонок");
        await petr.SayAsync("/edit Ромашка телефон +7 900 000-00-01");
        await petr.SayAsync("/person Ромашка Секретный Контакт");

        var text = (await Ivan.LastAsync("/history Ромашка")).Plain;

        text.Should().Contain("звонок").And.NotContain("900 000-00-01").And.NotContain("Секретный");
    }

    [DatabaseFact]
    public async Task A_bare_command_asks_which_client()
    {
        (await Ivan.LastAsync("/history")).Text.Should().Contain("Историю какого клиента");
        (await Ivan.LastAsync("/history", "en")).Text.Should().Contain("Whose history");
    }
}

public sealed class HistoryTestsOnSqlite() : HistoryTests(TestDatabase.Sqlite());

[Postgres]
public sealed class HistoryTestsOnPostgres() : HistoryTests(TestDatabase.Postgres());

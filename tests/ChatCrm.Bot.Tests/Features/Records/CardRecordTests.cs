using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Features.Records;

public abstract class CardRecordTests(TestDatabase database) : RecordsTest(database)
{
    [DatabaseFact]
    public async Task The_card_shows_city_note_persons_the_last_three_closed_deals_and_paid_apart_from_won()
    {
        var id = await Seed.ClientAsync(App, "Ромашка", IvanId, Now.AddDays(-100));
        await Ivan.SayAsync("/edit Ромашка город Казань");
        await Ivan.SayAsync("/edit Ромашка заметка только по утрам");
        await Ivan.SayAsync("/person Ромашка Иван Петров, закупщик");
        var deals = new List<long>();
        for (var i = 1; i <= 4; i++)
        {
            deals.Add(await Seed.DealAsync(App, id, IvanId, i * 10_000m, Now.AddDays(-50), title: $"поставка {i}"));
        }

        await Ivan.SayAsync($"/won {deals[0]}");
        await Ivan.SayAsync($"/won {deals[1]}");
        await Ivan.SayAsync($"/lost {deals[2]} Цена");
        await Ivan.SayAsync($"/paid {deals[0]} 5000");
        await Ivan.SayAsync($"/paid {deals[1]} 15000");
        var open = await Seed.DealAsync(App, id, IvanId, 99_000m, Now.AddDays(-1), title: "открытая");

        var card = (await Ivan.LastAsync("/card Ромашка")).Plain;

        card.Should().Contain("🏙 Казань").And.Contain("📝 только по утрам").And.Contain("• Иван Петров, закупщик");
        card.Should().Contain($"#{open} «открытая»");
        card.Should().Contain("Закрытые сделки</b> (3)")
            .And.Contain($"#{deals[2]} «поставка 3» — ❌ проиграна, 30 000 ₽")
            .And.Contain($"#{deals[1]} «поставка 2» — ✅ выиграна, 20 000 ₽")
            .And.Contain($"#{deals[0]} «поставка 1» — ✅ выиграна, 10 000 ₽")
            .And.NotContain("«поставка 4» — ✅").And.NotContain("«поставка 4» — ❌");
        card.Should().Contain("💰 Оплачено за всё время: 20 000 ₽ · выиграно сделок на 30 000 ₽");
    }

    [DatabaseFact]
    public async Task A_card_without_closed_deals_or_details_reads_as_before()
    {
        await Seed.ClientAsync(App, "Ромашка", IvanId, Now);

        var card = (await Ivan.LastAsync("/card Ромашка")).Text;

        card.Should().NotContain("Закрытые").And.NotContain("Оплачено").And.NotContain("Контактные лица").And.Contain("Открытых сделок нет");
    }
}

public sealed class CardRecordTestsOnSqlite() : CardRecordTests(TestDatabase.Sqlite());

[Postgres]
public sealed class CardRecordTestsOnPostgres() : CardRecordTests(TestDatabase.Postgres());

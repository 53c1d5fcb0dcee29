using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

/// <summary>Products on deals: lines added and removed by /deal &lt;n&gt; ±, a product named when the deal opens, /undo.</summary>
public abstract class DealLineTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private const long Petr = 2002;
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private Chat _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _admin = Chat.Admin(_app);
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        await Seed.ClientAsync(_app, "Ромашка", await _ivan.UserIdAsync(), DateTime.UtcNow);
        await _admin.LastAsync("/product add Станок ЧПУ 1,5 млн #Станки");
        await _admin.LastAsync("/product add Фрезер ЧПУ 900к");
        await _admin.LastAsync("/product add Наладка");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<Deal> DealAsync(long id) => _app.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == id));

    private Task<List<DealLine>> LinesAsync(long id) =>
        _app.QueryAsync(db => db.DealLines.Where(l => l.DealId == id).OrderBy(l => l.Id).ToListAsync());

    private Task<long> ProductIdAsync(string name) => _app.QueryAsync(db => db.Products.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    [DatabaseFact]
    public async Task Products_are_listed_with_price_and_category()
    {
        var list = (await _admin.LastAsync("/products")).Text;

        list.Should().Contain("<b>Станок ЧПУ</b> — цена 1 500 000 · категория Станки")
            .And.Contain("<b>Фрезер ЧПУ</b> — цена 900 000\n")
            .And.Contain("• Наладка");
        (await _app.QueryAsync(db => db.Products.SingleAsync(p => p.Name == "Станок ЧПУ"))).Category.Should().Be("Станки");
    }

    [DatabaseFact]
    public async Task Adding_lines_makes_the_amount_their_sum_and_the_reply_lists_them()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к поставка");

        var added = (await _ivan.LastAsync($"/deal {id} + станок чпу 2")).Text;
        added.Should().Be($"➕ Сделка #{id} «поставка»: добавлен <b>Станок ЧПУ</b>\n"
            + "• Станок ЧПУ — 2 × 1 500 000 ₽ = 3 000 000 ₽\nСумма сделки: <b>3 000 000 ₽</b>");

        var second = (await _ivan.LastAsync($"/deal {id} + Наладка 3 45 000,50")).Text;
        second.Should().Contain("• Наладка — 3 × 45 000,50 ₽ = 135 001,50 ₽").And.Contain("Сумма сделки: <b>3 135 001,50 ₽</b>");
        (await DealAsync(id)).Amount.Should().Be(3_135_001.50m);
        (await LinesAsync(id)).Select(l => (l.Quantity, l.UnitPrice, l.Amount))
            .Should().Equal((2, 1_500_000m, 3_000_000m), (3, 45_000.50m, 135_001.50m));
    }

    [DatabaseFact]
    public async Task A_product_changes_price_and_category_and_an_unknown_one_changes_nothing()
    {
        var edited = (await _admin.LastAsync("/product edit станок чпу 1,6 млн #Оборудование")).Text;

        edited.Should().Be("✏️ <b>Станок ЧПУ</b> изменён: цена 1 600 000 · категория Оборудование");
        (await _app.QueryAsync(db => db.Products.SingleAsync(p => p.Name == "Станок ЧПУ")))
            .Should().Match<Product>(p => p.Price == 1_600_000m && p.Category == "Оборудование");

        (await _admin.LastAsync("/product edit Станок ЧПУ #-")).Text.Should().Be("✏️ <b>Станок ЧПУ</b> изменён: цена 1 600 000");
        (await _app.QueryAsync(db => db.Products.SingleAsync(p => p.Name == "Станок ЧПУ"))).Category.Should().BeNull();

        var (unknown, choices) = await _admin.LastAsync("/product edit Станок ЦПУ 1,7 млн");
        unknown.Should().Contain("Станок ЦПУ");
        choices.Should().Contain("Станок ЧПУ=pick:#x");
        (await _app.QueryAsync(db => db.Products.CountAsync())).Should().Be(3);
        (await _app.QueryAsync(db => db.Products.SingleAsync(p => p.Name == "Станок ЧПУ"))).Price.Should().Be(1_600_000m, "nothing changed yet");

        await _admin.TapAsync($"pick:#x{await ProductIdAsync("Станок ЧПУ")}");
        (await _app.QueryAsync(db => db.Products.SingleAsync(p => p.Name == "Станок ЧПУ"))).Price.Should().Be(1_700_000m, "the tap applies the price typed");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "product.edited"))).Should().Be(3);
    }

    [DatabaseFact]
    public async Task The_same_product_at_the_same_price_adds_to_its_line_and_undo_takes_only_the_addition_back()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к поставка");
        await _ivan.LastAsync($"/deal {id} + Наладка 2 10к");

        var again = (await _ivan.LastAsync($"/deal {id} + наладка 3 10к")).Text;

        again.Should().Contain("• Наладка — 5 × 10 000 ₽ = 50 000 ₽").And.NotContain("2 × 10 000");
        (await LinesAsync(id)).Select(l => (l.Quantity, l.UnitPrice)).Should().Equal((5, 10_000m));
        (await DealAsync(id)).Amount.Should().Be(50_000m);

        await _ivan.LastAsync($"/deal {id} + наладка 1 12к");
        (await LinesAsync(id)).Select(l => (l.Quantity, l.UnitPrice)).Should().Equal((5, 10_000m), (1, 12_000m));

        await _ivan.LastAsync("/undo");
        await _ivan.LastAsync("/undo");
        (await LinesAsync(id)).Select(l => (l.Quantity, l.UnitPrice)).Should().Equal((2, 10_000m));
        (await DealAsync(id)).Amount.Should().Be(20_000m);
    }

    [DatabaseFact]
    public async Task A_product_named_with_a_typo_is_found()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        (await _ivan.LastAsync($"/deal {id} + фрезир")).Text.Should().Contain("добавлен <b>Фрезер ЧПУ</b>");
        (await DealAsync(id)).Amount.Should().Be(900_000m);
    }

    [DatabaseFact]
    public async Task An_ambiguous_product_is_asked_with_buttons_and_the_tap_adds_it_with_the_quantity_typed()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        var milling = await ProductIdAsync("Фрезер ЧПУ");

        var (asked, markup) = await _ivan.LastAsync($"/deal {id} + ЧПУ 2");
        asked.Should().Contain("Какой товар — «ЧПУ»");
        markup.Should().Contain("Станок ЧПУ=pick:#p").And.Contain($"Фрезер ЧПУ=pick:#p{milling}");
        (await LinesAsync(id)).Should().BeEmpty();

        (await _ivan.TapAsync($"pick:#p{milling}"))[^1].Text.Should().Contain("• Фрезер ЧПУ — 2 × 900 000 ₽ = 1 800 000 ₽");
        (await DealAsync(id)).Amount.Should().Be(1_800_000m);
    }

    [DatabaseFact]
    public async Task A_product_without_a_price_gets_the_price_asked()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        (await _ivan.LastAsync($"/deal {id} + Наладка")).Text.Should().Contain("нет цены");
        (await _ivan.LastAsync("20к")).Text.Should().Contain("• Наладка — 1 × 20 000 ₽ = 20 000 ₽");
        (await DealAsync(id)).Amount.Should().Be(20_000m);
    }

    [DatabaseFact]
    public async Task An_unknown_product_or_unreadable_quantity_changes_nothing()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        (await _ivan.LastAsync($"/deal {id} + Кофемашина")).Text.Should().Contain("Товара «Кофемашина» нет в каталоге").And.Contain("/products");
        (await _ivan.LastAsync($"/deal {id} + Станок ЧПУ много")).Text.Should().Contain("Не понял «много»");
        (await _ivan.LastAsync($"/deal {id} + Станок ЧПУ 0шт")).Text.Should().Contain("Количество — целое число");
        (await LinesAsync(id)).Should().BeEmpty();
        (await DealAsync(id)).Amount.Should().Be(100_000m);
    }

    [DatabaseFact]
    public async Task Removing_a_line_leaves_the_sum_of_the_rest()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.LastAsync($"/deal {id} + Станок ЧПУ");
        await _ivan.LastAsync($"/deal {id} + Фрезер ЧПУ");

        var removed = (await _ivan.LastAsync($"/deal {id} - станок")).Text;

        removed.Should().Be($"➖ Сделка #{id} «Ромашка»: убран <b>Станок ЧПУ</b>\n"
            + "• Фрезер ЧПУ — 1 × 900 000 ₽ = 900 000 ₽\nСумма сделки: <b>900 000 ₽</b>");
        (await DealAsync(id)).Amount.Should().Be(900_000m);
        (await LinesAsync(id)).Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task Removing_an_ambiguous_or_absent_product_asks_with_the_deals_products()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.LastAsync($"/deal {id} + Станок ЧПУ");
        await _ivan.LastAsync($"/deal {id} + Фрезер ЧПУ");
        var machine = await ProductIdAsync("Станок ЧПУ");

        var (asked, markup) = await _ivan.LastAsync($"/deal {id} - чпу");
        asked.Should().Contain("Какой товар");
        markup.Should().Contain($"Станок ЧПУ=pick:#p{machine}").And.Contain("Фрезер ЧПУ=pick:#p");

        (await _ivan.LastAsync($"/deal {id} - Наладка")).Text.Should().Contain($"На сделке #{id} нет товара «Наладка»");

        (await _ivan.TapAsync($"pick:#p{machine}"))[^1].Text.Should().Contain("убран <b>Станок ЧПУ</b>");
        (await DealAsync(id)).Amount.Should().Be(900_000m);
    }

    [DatabaseFact]
    public async Task A_closed_deal_refuses_line_changes()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.LastAsync($"/deal {id} + Фрезер ЧПУ");
        await _ivan.LastAsync($"/won {id}");

        (await _ivan.LastAsync($"/deal {id} + Станок ЧПУ")).Text.Should().Contain("Сделка уже закрыта");
        (await _ivan.LastAsync($"/deal {id} - Фрезер ЧПУ")).Text.Should().Contain("Сделка уже закрыта");
        (await DealAsync(id)).Amount.Should().Be(900_000m);
        (await LinesAsync(id)).Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task A_deal_with_lines_is_won_at_their_sum_not_another_amount()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.LastAsync($"/deal {id} + Фрезер ЧПУ");

        (await _ivan.LastAsync($"/won {id} 500к")).Text.Should().Contain("Сумма сделки — сумма её товаров");
        (await DealAsync(id)).Should().Match<Deal>(d => d.IsOpen && d.Amount == 900_000m);

        (await _ivan.LastAsync($"/won {id}")).Text.Should().Contain("900 000 ₽");
        (await DealAsync(id)).Status.Should().Be(DealStatus.Won);
    }

    [DatabaseFact]
    public async Task Another_managers_deal_is_refused()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        var petr = await Chat.JoinAsync(_app, Petr, "manager", "Пётр");

        (await petr.LastAsync($"/deal {id} + Станок ЧПУ")).Text.Should().Be($"Сделки #{id} нет среди ваших. Ваши сделки — /deals");
        (await LinesAsync(id)).Should().BeEmpty();
        (await DealAsync(id)).Amount.Should().Be(100_000m);
    }

    [DatabaseFact]
    public async Task A_product_named_when_opening_becomes_the_deals_line()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 150к станки");

        (await LinesAsync(id)).Should().ContainSingle().Which.Should()
            .Match<DealLine>(l => l.ProductId != 0 && l.Quantity == 1 && l.UnitPrice == 150_000m && l.Amount == 150_000m);
        (await DealAsync(id)).Should().Match<Deal>(d => d.Amount == 150_000m && d.Title == "станки");
    }

    [DatabaseFact]
    public async Task A_product_named_without_an_amount_brings_its_catalogue_price()
    {
        var reply = (await _ivan.LastAsync("/deal Ромашка фрезер")).Text;

        reply.Should().Contain("900 000 ₽").And.Contain("• Фрезер ЧПУ — 1 × 900 000 ₽ = 900 000 ₽");
        (await _app.QueryAsync(db => db.Deals.SingleAsync())).Amount.Should().Be(900_000m);
    }

    [DatabaseFact]
    public async Task An_ambiguous_product_when_opening_is_asked_and_an_unmatched_title_stays_a_title()
    {
        var machine = await ProductIdAsync("Станок ЧПУ");
        var (asked, markup) = await _ivan.LastAsync("/deal Ромашка 2 млн чпу");
        asked.Should().Contain("Какой товар");
        markup.Should().Contain($"Станок ЧПУ=pick:#p{machine}");
        (await _app.CountAsync<Deal>()).Should().Be(0);

        (await _ivan.TapAsync($"pick:#p{machine}"))[^1].Text.Should().Contain("«Станок ЧПУ» (<b>Ромашка</b>), 2 000 000 ₽")
            .And.Contain("• Станок ЧПУ — 1 × 2 000 000 ₽");

        var plain = await _ivan.OpenDealAsync("Ромашка 100к поставка кофе");
        (await LinesAsync(plain)).Should().BeEmpty();
        (await DealAsync(plain)).Title.Should().Be("поставка кофе");
    }

    [DatabaseFact]
    public async Task Undo_takes_back_a_line_added_or_removed()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.LastAsync($"/deal {id} + Станок ЧПУ");
        await _ivan.LastAsync($"/deal {id} + Фрезер ЧПУ");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"добавление товара в сделку #{id}");
        (await DealAsync(id)).Amount.Should().Be(1_500_000m);

        await _ivan.LastAsync($"/deal {id} - Станок ЧПУ");
        (await DealAsync(id)).Amount.Should().Be(1_500_000m, "the last line gone leaves the amount as it was");
        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"удаление товара из сделки #{id}");
        (await LinesAsync(id)).Should().ContainSingle().Which.UnitPrice.Should().Be(1_500_000m);

        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"добавление товара в сделку #{id}");
        (await LinesAsync(id)).Should().BeEmpty();
        (await DealAsync(id)).Amount.Should().Be(100_000m, "the amount typed when the deal opened comes back");
    }

    [DatabaseFact]
    public async Task A_product_on_a_deal_is_retired_not_deleted()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.LastAsync($"/deal {id} + Наладка 1 5к");

        (await _admin.LastAsync("/product remove Наладка")).Text.Should().Contain("архив");
        (await LinesAsync(id)).Should().ContainSingle();
    }
}

public sealed class DealLineTestsOnSqlite() : DealLineTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DealLineTestsOnPostgres() : DealLineTests(TestDatabase.Postgres());

using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

/// <summary>Issue 9: /deal reads money words and amounts after the title, and never folds unused money into the title silently.</summary>
public abstract class DealAmountTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private const long John = 2003;
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        await Seed.ClientAsync(_app, "Ромашка", await _ivan.UserIdAsync(), DateTime.UtcNow);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<Deal> LastDealAsync() => _app.QueryAsync(db => db.Deals.OrderByDescending(d => d.Id).FirstAsync());

    [DatabaseTheory]
    [InlineData("/deal Ромашка 150 т.р. станки", 150_000, "станки")]
    [InlineData("/deal Ромашка 150тр станки", 150_000, "станки")]
    [InlineData("/deal Ромашка 150 тыс. руб станки", 150_000, "станки")]
    [InlineData("/deal Ромашка 1 млн 200 тыс станки", 1_200_000, "станки")]
    [InlineData("/deal Ромашка 2,5кк линия", 2_500_000, "линия")]
    [InlineData("/deal Ромашка полтора миллиона линия", 1_500_000, "линия")]
    [InlineData("/deal Ромашка двести тысяч монтаж", 200_000, "монтаж")]
    [InlineData("/deal Ромашка станки 150к", 150_000, "станки")]
    [InlineData("/deal Ромашка станки на 150 т.р.", 150_000, "станки")]
    public async Task Money_words_and_an_amount_after_the_title_open_the_deal_as_meant(string command, decimal amount, string title)
    {
        var money = amount.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', ' ');
        (await _ivan.LastAsync(command)).Plain.Should().Contain($"«{title}» (<b>Ромашка</b>), {money} ₽");

        var deal = await LastDealAsync();
        deal.Amount.Should().Be(amount);
        deal.Title.Should().Be(title);
    }

    [DatabaseFact]
    public async Task An_english_manager_gets_spelled_and_trailing_amounts_read()
    {
        var john = await Chat.JoinAsync(_app, John, "manager", "John", "en");
        await Seed.ClientAsync(_app, "Acme", await john.UserIdAsync(), DateTime.UtcNow);

        (await john.LastAsync("/deal Acme machine tools 150k")).Text.Should().Contain("150,000 ₽");
        (await LastDealAsync()).Title.Should().Be("machine tools");
        await john.TapAsync("pick:new");
        (await LastDealAsync()).Amount.Should().Be(150_000m, "a second /deal for Acme waited for its tap");

        (await john.LastAsync("/deal Acme two hundred k setup")).Text.Should().Contain("already has an open deal");
        (await john.TapAsync("pick:new"))[^1].Text.Should().Contain("“setup”").And.Contain("200,000 ₽");
    }

    [DatabaseFact]
    public async Task A_bare_number_after_millions_is_asked_about_and_the_tap_opens_the_deal_with_that_reading()
    {
        var asked = await _ivan.LastAsync("/deal Ромашка 1 млн 200 станки");

        asked.Plain.Should().Contain("«1 млн 200» — это сумма?").And.Contain("1) 1 200 000 ₽ «станки»").And.Contain("2) 1 000 000 ₽ «200 станки»");
        asked.CallbackData.Should().Contain(["pick:o0", "pick:o1", "pick:oe", "pick:-"]);
        asked.CallbackData.Should().OnlyContain(d => System.Text.Encoding.UTF8.GetByteCount(d) <= 64);
        (await _app.CountAsync<Deal>()).Should().Be(0, "nothing is stored until the tap");

        (await _ivan.TapAsync("pick:o0"))[^1].Plain.Should().Contain("«станки» (<b>Ромашка</b>), 1 200 000 ₽");
        (await LastDealAsync()).Amount.Should().Be(1_200_000m);
    }

    [DatabaseFact]
    public async Task Another_amount_is_asked_for_and_the_typed_answer_keeps_the_title()
    {
        await _ivan.LastAsync("/deal Ромашка 1 млн 200 станки");

        (await _ivan.TapAsync("pick:oe"))[^1].Text.Should().Contain("какая сумма");
        (await _ivan.LastAsync("1 млн 300 тыс")).Plain.Should().Contain("«станки» (<b>Ромашка</b>), 1 300 000 ₽");
    }

    [DatabaseFact]
    public async Task A_small_bare_number_is_echoed_with_thousands_offered()
    {
        var asked = await _ivan.LastAsync("/deal Ромашка 150 станки");

        asked.Plain.Should().Contain("«150» — это сумма?").And.Contain("1) 150 ₽ «станки»").And.Contain("2) 150 000 ₽ «станки»");
        (await _app.CountAsync<Deal>()).Should().Be(0);

        await _ivan.TapAsync("pick:o1");
        (await LastDealAsync()).Amount.Should().Be(150_000m);
    }

    [DatabaseTheory]
    [InlineData("/deal Ромашка 100к станки 50к монтаж", "«50к» — это сумма?")]
    [InlineData("/deal Ромашка станки 150к доставка", "«150к» — это сумма?")]
    [InlineData("/deal Ромашка станки 150000", "«150000» — это сумма?")]
    public async Task Money_left_inside_the_title_is_asked_about_and_nothing_is_stored(string command, string question)
    {
        var asked = await _ivan.LastAsync(command);

        asked.Plain.Should().Contain(question).And.Contain("пока ничего не сохранено");
        asked.Labels.Should().Contain("✏️ другая сумма");
        (await _app.CountAsync<Deal>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task The_same_deal_twice_asks_before_opening_another_and_can_show_the_open_one()
    {
        var first = await _ivan.OpenDealAsync("Ромашка 150к станки");

        var (text, markup) = await _ivan.LastAsync("/deal Ромашка 150к станки");
        text.Should().Contain($"уже есть открытая сделка #{first} «станки» на 150 000 ₽").And.Contain("Открыть ещё одну?");
        markup.Should().Contain("➕ открыть ещё одну=pick:new").And.Contain($"👁 показать #{first}=pick:d{first}");
        (await _app.CountAsync<Deal>()).Should().Be(1, "nothing is created until the tap");

        var shown = (await _ivan.TapAsync($"pick:d{first}"))[^1];
        shown.Text.Should().Contain($"#{first}").And.Contain("Ромашка");
        shown.Has($"mv:{first}:").Should().BeTrue();
        (await _app.CountAsync<Deal>()).Should().Be(1);

        await _ivan.LastAsync("/deal Ромашка 150к станки");
        (await _ivan.TapAsync("pick:new"))[^1].Text.Should().Contain("«станки» (<b>Ромашка</b>)");
        (await _app.CountAsync<Deal>()).Should().Be(2);
    }

    [DatabaseFact]
    public async Task A_cycle_without_stages_says_how_to_add_one_in_both_languages()
    {
        await _app.QueryAsync(async db =>
        {
            db.Cycles.Add(SalesCycle.Create("Тендеры", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        (await _ivan.LastAsync("/deal Ромашка 2 млн цикл Тендеры")).Text.Should()
            .Be("⚠️ В цикле «Тендеры» ещё нет этапов: /stage add &lt;этап&gt; цикл Тендеры. Ничего не сохранено.");
        (await _ivan.LastAsync("/deal Ромашка 2 млн цикл Тендеры", "en")).Text.Should()
            .Contain("Cycle “Тендеры” has no stages yet: /stage add &lt;stage&gt; cycle Тендеры");
        (await _app.CountAsync<Deal>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Invoices_and_payments_read_the_same_money_words()
    {
        var deal = await _ivan.OpenDealAsync("Ромашка 2 млн станки");

        (await _ivan.LastAsync($"/invoice {deal} 1 млн 200 тыс срок через 10 дней")).Plain.Should().Contain("1 200 000 ₽");
        (await _ivan.LastAsync($"/paid {deal} 25 т.р.")).Plain.Should().Contain("25 000 ₽");
        (await _ivan.LastAsync($"/paid {deal} полмиллиона")).Plain.Should().Contain("500 000 ₽");

        var amounts = await _app.QueryAsync(db => db.Obligations.Where(o => o.DealId == deal).OrderBy(o => o.Id).Select(o => o.Amount).ToListAsync());
        amounts.Should().Equal(1_200_000m, 25_000m, 500_000m);
    }
}

public sealed class DealAmountTestsOnSqlite() : DealAmountTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DealAmountTestsOnPostgres() : DealAmountTests(TestDatabase.Postgres());

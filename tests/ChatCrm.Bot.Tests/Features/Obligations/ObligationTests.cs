using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Obligations;

public abstract class ObligationTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _deal;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        await Seed.ClientAsync(_app, "Ромашка", await _ivan.UserIdAsync(), DateTime.UtcNow);
        _deal = await _ivan.OpenDealAsync("Ромашка 100к станки");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<List<Obligation>> ObligationsAsync() =>
        _app.QueryAsync(db => db.Obligations.Where(o => o.DealId == _deal).OrderBy(o => o.Id).ToListAsync());

    [DatabaseFact]
    public async Task Invoices_payments_and_shipments_are_recorded_and_the_reply_says_what_is_still_owed()
    {
        (await _ivan.LastAsync($"/invoice {_deal} 100к срок через 10 дней")).Text.Should()
            .Contain("🧾 Счёт по сделке").And.Contain("100 000 ₽, оплатить до").And.Contain("Ждём оплату: 100 000 ₽");
        (await _ivan.LastAsync($"/paid {_deal} 40 000")).Text.Should().Contain("40 000 ₽").And.Contain("Ждём оплату: 60 000 ₽");
        (await _ivan.LastAsync($"/paid {_deal} 60к дата вчера")).Text.Should().Contain("вчера").And.Contain("Долга по счетам нет");
        (await _ivan.LastAsync($"/shipped {_deal} станки доставлены")).Text.Should().Contain("📦").And.Contain("станки доставлены");

        var all = await ObligationsAsync();
        all.Select(o => o.Kind).Should().Equal(ObligationKind.ExpectedPayment, ObligationKind.Payment, ObligationKind.Payment, ObligationKind.Shipment);
        all[0].Amount.Should().Be(100_000m);
        all[0].IsSettled.Should().BeTrue("the two payments cover the invoice");
        all[0].DueAt.Should().BeAfter(DateTime.UtcNow.AddDays(9));
        all[2].At.Should().BeBefore(DateTime.UtcNow.AddHours(-1));
        all[3].Note.Should().Be("станки доставлены");
    }

    [DatabaseFact]
    public async Task An_invoice_without_a_due_date_asks_for_it_and_the_answer_records_it()
    {
        (await _ivan.LastAsync($"/invoice {_deal} 50к")).Text.Should().Contain("до какого числа оплатить");

        (await _ivan.LastAsync("через 5 дней")).Text.Should().Contain("Ждём оплату: 50 000 ₽");
        (await ObligationsAsync()).Should().ContainSingle(o => o.Kind == ObligationKind.ExpectedPayment && o.Amount == 50_000m);
    }

    [DatabaseTheory]
    [InlineData("/invoice {0} 50к срок когда-нибудь", "Не понял дату «когда-нибудь»")]
    [InlineData("/invoice {0} -50к срок пт", "Не понял сумму")]
    [InlineData("/paid {0} 50к дата завтра", "ещё не наступила")]
    [InlineData("/paid {0}", "Оплата: /paid")]
    [InlineData("/invoice {0} 50к срок пт отгрузка когда-нибудь", "Не понял дату «когда-нибудь»")]
    [InlineData("/paid 99999 50к", "Сделки #99999 нет")]
    public async Task Bad_input_is_explained_and_nothing_is_stored(string command, string expected)
    {
        (await _ivan.LastAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, _deal))).Text.Should().Contain(expected);

        (await ObligationsAsync()).Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task A_lost_deal_takes_no_payments()
    {
        await _ivan.SayAsync($"/lost {_deal} Цена");

        (await _ivan.LastAsync($"/paid {_deal} 10к")).Text.Should().Contain("Сделка проиграна");
        (await ObligationsAsync()).Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Undo_removes_a_payment_and_the_invoice_is_owed_again()
    {
        await _ivan.SayAsync($"/invoice {_deal} 30к due tomorrow");
        await _ivan.SayAsync($"/paid {_deal} 30к");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"оплата по сделке #{_deal}");

        var all = await ObligationsAsync();
        all.Should().ContainSingle().Which.IsSettled.Should().BeFalse();
    }

    [DatabaseFact]
    public async Task English_keywords_and_replies()
    {
        (await _ivan.LastAsync($"/invoice {_deal} 20k due in 3 days", "en")).Text.Should().Contain("Still to be paid: 20,000 ₽");
        (await _ivan.LastAsync($"/shipped {_deal} at yesterday left at the gate", "en")).Text.Should()
            .Contain("Shipment on deal").And.Contain("yesterday").And.Contain("left at the gate");

        (await ObligationsAsync())[^1].Note.Should().Be("left at the gate");
    }

    [DatabaseFact]
    public async Task An_invoice_can_set_the_expected_shipment_and_a_shipment_settles_it()
    {
        var reply = (await _ivan.LastAsync($"/invoice {_deal} 100к срок через 5 дней отгрузка через 10 дней")).Text;

        reply.Should().Contain("🧾 Счёт по сделке").And.Contain($"🚚 Отгрузка по сделке #{_deal} «станки» ожидается");
        var all = await ObligationsAsync();
        all.Select(o => o.Kind).Should().Equal(ObligationKind.ExpectedPayment, ObligationKind.ExpectedShipment);
        all[0].DueAt!.Value.Should().BeCloseTo(DateTime.UtcNow.AddDays(5), TimeSpan.FromDays(1));
        all[1].DueAt!.Value.Should().BeCloseTo(DateTime.UtcNow.AddDays(10), TimeSpan.FromDays(1));
        all[1].IsSettled.Should().BeFalse("nothing has gone out yet");
        all[0].Note.Should().BeNull("the shipment words are not a note");

        await _ivan.SayAsync($"/shipped {_deal}");
        (await ObligationsAsync())[1].IsSettled.Should().BeTrue("the shipment answers the promised date");

        await _ivan.SayAsync("/undo");
        (await ObligationsAsync())[1].IsSettled.Should().BeFalse("without the shipment the date is open again");
    }

    [DatabaseFact]
    public async Task One_undo_takes_back_the_invoice_and_its_shipment_date()
    {
        await _ivan.SayAsync($"/invoice {_deal} 100к срок через 5 дней отгрузка через 10 дней");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"счёт по сделке #{_deal}");
        (await ObligationsAsync()).Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Shipped_with_a_ship_date_sets_the_expected_shipment_in_either_language()
    {
        (await _ivan.LastAsync($"/shipped {_deal} ship in 3 days by truck", "en")).Text.Should()
            .Contain($"🚚 Shipment on deal #{_deal} “станки” expected");
        (await _ivan.LastAsync($"/shipped {_deal} отгрузка через 7 дней")).Text.Should()
            .Contain($"🚚 Отгрузка по сделке #{_deal} «станки» ожидается");

        var all = await ObligationsAsync();
        all.Should().OnlyContain(o => o.Kind == ObligationKind.ExpectedShipment && !o.IsSettled);
        all.Select(o => o.DueAt!.Value).Should().SatisfyRespectively(
            first => first.Should().BeCloseTo(DateTime.UtcNow.AddDays(3), TimeSpan.FromDays(1)),
            second => second.Should().BeCloseTo(DateTime.UtcNow.AddDays(7), TimeSpan.FromDays(1)));
        all[0].Note.Should().Be("by truck");
    }
}

public sealed class ObligationTestsOnSqlite() : ObligationTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ObligationTestsOnPostgres() : ObligationTests(TestDatabase.Postgres());

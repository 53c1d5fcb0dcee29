using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace ChatCrm.Bot.Tests.Features.Pay;

/// <summary>
/// The pay scheme, /me and /payroll against a month computed by hand.
/// </summary>
/// <remarks>
/// <para><b>October</b> (closed): the scheme from October is base 30 000, 5 % of paid revenue, 1 000 per won deal.
/// Anna was paid 20 000 on deal D1 and won it → 30 000 + 1 000 + 1 000 = 32 000. Boris: the base only, 30 000.</para>
/// <para><b>November</b> (open; today is the 20th, 12:00 in Moscow): the head changes the scheme in chat — 4 %,
/// «Станки» 7 %, segment «опт» 3 %, 2 000 per won deal, 300 per meeting, tiers 0–80 % → 3 %, 80–100 % → 5 %,
/// 100 %+ → 7 % — and the change applies to the whole of November.</para>
/// <para>Anna (target 200 000): D1 (client «Альфа», #опт; lines Станки 2 × 30 000 and Сервис 1 × 40 000) paid
/// 50 000 on the 5th → split 60 : 40 = Станки 30 000 (7 %: 2 100) + Сервис 20 000 (no product rate, #опт 3 %: 600).
/// D2 (client «Бета», no segment, no lines) paid 80 000 at 01:00 on 1 November Moscow time (still 31 October in
/// UTC) and won on the 12th. Paid 130 000 = 65 % of the target → tier 3 %: 80 000 × 3 % = 2 400. Won 1 × 2 000;
/// 2 meetings × 300 = 600 (a call pays nothing). Total 30 000 + 2 400 + 2 100 + 600 + 2 000 + 600 = 37 700; to 80 %
/// (160 000) she needs 30 000 more.</para>
/// <para>Boris (no target → the lowest tier, 3 %): client «Гамма» #розница. D3 (Сервис 3 × 10 000) part-paid
/// 10 000 and 5 000 and won on the 3rd; D4 (Станки 1 × 10 000 + Сервис 2 × 10 000) paid 10 000 → Станки
/// 3 333,33 (rounded down) and Сервис 6 666,67 (the remainder). Станки 3 333,33 × 7 % = 233,33; general
/// (15 000 + 6 666,67) × 3 % = 650,00; won 1 × 2 000; 1 meeting × 300. Total 33 183,33.</para>
/// </remarks>
public abstract class PayTests(TestDatabase database) : IAsyncLifetime
{
    private const long Head = 3001;
    private const long Anna = 3002;
    private const long Boris = 3003;

    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));
    private ChatCrmApp _app = null!;
    private Chat _head = null!;
    private Chat _anna = null!;
    private Chat _boris = null!;
    private long _annasWonDeal;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _head = await Chat.JoinAsync(_app, Head, "head", "Ольга");
        _anna = await Chat.JoinAsync(_app, Anna, "manager", "Анна");
        _boris = await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private static DateTime Utc(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private async Task SeedAsync()
    {
        var head = await _app.UserIdAsync(Head);
        var anna = await _app.UserIdAsync(Anna);
        var boris = await _app.UserIdAsync(Boris);
        var wholesale = await Seed.SegmentAsync(_app, "опт");
        var retail = await Seed.SegmentAsync(_app, "розница");
        _annasWonDeal = await _app.WriteAsync(async db =>
        {
            var machines = Product.Create("Станки");
            db.Products.Add(machines);
            await db.SaveChangesAsync();
            var service = Product.Create("Сервис");
            db.Products.Add(service);
            var segments = await db.Segments.ToDictionaryAsync(s => s.Id);
            var alpha = Client.Create("Альфа", anna, Utc(9, 1), anna);
            alpha.SetSegment(segments[wholesale]);
            var beta = Client.Create("Бета", anna, Utc(9, 1), anna);
            var gamma = Client.Create("Гамма", boris, Utc(9, 1), boris);
            gamma.SetSegment(segments[retail]);
            db.Clients.AddRange(alpha, beta, gamma);
            await db.SaveChangesAsync();

            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var stage = await db.Stages.Where(s => s.CycleId == cycle.Id).OrderBy(s => s.Position).FirstAsync();
            Deal Open(Client c, long owner, decimal amount)
            {
                var (deal, opened) = Deal.Open(c, cycle, stage, amount, "RUB", null, owner, Utc(9, 15), owner);
                db.Deals.Add(deal);
                db.StageChanges.Add(opened);
                return deal;
            }

            var d1 = Open(alpha, anna, 100_000m);
            var d2 = Open(beta, anna, 80_000m);
            var d3 = Open(gamma, boris, 30_000m);
            var d4 = Open(gamma, boris, 30_000m);
            await db.SaveChangesAsync();
            db.DealLines.AddRange(
                DealLine.Create(d1, machines, 2, 30_000m, Utc(9, 15)),
                DealLine.Create(d1, service, 1, 40_000m, Utc(9, 15)),
                DealLine.Create(d3, service, 3, 10_000m, Utc(9, 15)),
                DealLine.Create(d4, machines, 1, 10_000m, Utc(9, 15)),
                DealLine.Create(d4, service, 2, 10_000m, Utc(9, 15)));

            db.StageChanges.Add(d1.Win(null, Utc(10, 28), anna));
            db.StageChanges.Add(d2.Win(null, Utc(11, 12), anna));
            db.StageChanges.Add(d3.Win(null, Utc(11, 3), boris));
            db.Obligations.AddRange(
                Obligation.RecordPayment(d1, 20_000m, Utc(10, 25), anna, Utc(10, 25)),
                Obligation.RecordPayment(d1, 50_000m, Utc(11, 5), anna, Now),
                Obligation.RecordPayment(d2, 80_000m, new DateTime(2026, 10, 31, 22, 0, 0, DateTimeKind.Utc), anna, Now),
                Obligation.RecordPayment(d3, 10_000m, Utc(11, 4), boris, Now),
                Obligation.RecordPayment(d3, 5_000m, Utc(11, 18), boris, Now),
                Obligation.RecordPayment(d4, 10_000m, Utc(11, 19), boris, Now));

            var call = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            var meeting = await db.WorkTypes.SingleAsync(w => w.Code == "meeting");
            db.Touches.AddRange(
                Touch.LogDone(alpha, meeting, anna, Utc(11, 2), null, Now),
                Touch.LogDone(beta, meeting, anna, Utc(11, 10), null, Now),
                Touch.LogDone(beta, meeting, anna, Utc(10, 10), null, Now),
                Touch.LogDone(beta, call, anna, Utc(11, 11), null, Now),
                Touch.LogDone(gamma, meeting, boris, Utc(11, 6), null, Now));
            db.Targets.Add(Target.Create(anna, Utc(11, 1), 200_000m));

            // The scheme as it was made in October, for October on.
            db.PaySchemes.Add(PaySchemeVersion.Create(new DateOnly(2026, 10, 1),
                """{"baseAmount":30000,"revenuePercent":5,"wonDealBonus":1000}""", head, Utc(10, 1)));
            await db.SaveChangesAsync();
            return d2.Id;
        });
    }

    private async Task ChangeSchemeInNovemberAsync()
    {
        foreach (var change in new[]
                 {
                     "/pay процент 4", "/pay товар станки 7", "/pay сегмент #опт 3", "/pay бонус 2000", "/pay сдельно встреча 300",
                     "/pay ступени 0-80:3 80-100:5 100+:7",
                 })
        {
            (await _head.LastAsync(change)).Text.Should().Contain("Схема оплаты сохранена, действует с ноября 2026", change);
        }
    }

    private static readonly string[] AnnasPay =
    [
        "💵 Заработано за месяц: <b>37 700 ₽</b>",
        "• Оклад: 30 000 ₽",
        "• 3 % с оплат 80 000 ₽ = 2 400 ₽",
        "• «Станки»: 7 % с 30 000 ₽ = 2 100 ₽",
        "• #опт: 3 % с 20 000 ₽ = 600 ₽",
        "• Выигранные сделки: 1 × 2 000 ₽ = 2 000 ₽",
        "• Встреча: 2 × 300 ₽ = 600 ₽",
        "📈 План выполнен на 65 % — ставка 3 %",
        "⏭ До ставки 5 % (от 80 % плана): ещё <b>30 000 ₽</b> оплат",
    ];

    [DatabaseFact]
    public async Task The_scheme_reads_back_in_words_after_the_changes()
    {
        await ChangeSchemeInNovemberAsync();

        var shown = await _head.LastAsync("/pay");

        shown.Text.Should().StartWith(string.Join('\n',
            "💼 <b>Схема оплаты</b> — действует с ноября 2026",
            "• Оклад: <b>30 000 ₽</b>",
            "• % с оплат: по ступеням плана (без ступеней было бы 4 %)",
            "  ◦ товар «Станки»: 7 %",
            "  ◦ сегмент #опт: 3 %",
            "• Ступени по выполнению плана:",
            "  ◦ 0–80 % плана → 3 %",
            "  ◦ 80–100 % плана → 5 %",
            "  ◦ от 100 % плана → 7 %",
            "• Бонус за выигранную сделку: <b>2 000 ₽</b>",
            "• Встреча: <b>300 ₽</b> за каждую"));
        shown.CallbackData.Should().Contain(["pay:base", "pay:tiers"]);
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "pay.scheme"))).Should().Be(6);
    }

    [DatabaseFact]
    public async Task A_button_asks_for_the_value_and_the_answer_changes_the_rule()
    {
        await _head.TapAsync("pay:bonus");
        (await _head.LastAsync("2500")).Text.Should().Contain("Бонус за выигранную сделку: <b>2 500 ₽</b>");
    }

    [DatabaseFact]
    public async Task Me_shows_the_pay_earned_so_far_line_by_line_and_the_next_tier()
    {
        await ChangeSchemeInNovemberAsync();

        var text = (await _anna.LastAsync("/me")).Text;

        text.Should().EndWith(string.Join('\n', AnnasPay));
    }

    [DatabaseFact]
    public async Task Me_in_english_reads_the_same_pay()
    {
        await ChangeSchemeInNovemberAsync();

        (await _anna.LastAsync("/me", "en")).Text.Should()
            .Contain("💵 Earned this month: <b>37,700 ₽</b>")
            .And.Contain("• 3% of 80,000 ₽ paid = 2,400 ₽")
            .And.Contain("• “Станки”: 7% of 30,000 ₽ = 2,100 ₽")
            .And.Contain("• Встреча: 2 × 300 ₽ = 600 ₽")
            .And.Contain("⏭ To reach 5% (from 80% of plan): <b>30,000 ₽</b> more paid");
    }

    [DatabaseFact]
    public async Task Without_any_scheme_pay_says_so_and_offers_the_rules_as_buttons()
    {
        await _app.WriteAsync(async db => await db.PaySchemes.ExecuteDeleteAsync());

        var shown = await _head.LastAsync("/pay", "en");

        shown.Text.Should().StartWith("💼 No pay scheme yet");
        shown.CallbackData.Should().Equal("pay:base", "pay:percent", "pay:bonus", "pay:product", "pay:segment", "pay:piece", "pay:tiers");
        (await _head.LastAsync("/payroll", "en")).Text.Should().Contain("No pay scheme was in force in November 2026");
    }

    [DatabaseFact]
    public async Task Without_a_scheme_me_has_no_pay_section()
    {
        await _app.WriteAsync(async db => await db.PaySchemes.ExecuteDeleteAsync());

        (await _anna.LastAsync("/me")).Text.Should().NotContain("Заработано");
    }

    [DatabaseFact]
    public async Task Payroll_for_the_open_month_matches_the_hand_computed_figures_in_text_and_xlsx()
    {
        await ChangeSchemeInNovemberAsync();

        var text = (await _head.LastAsync("/payroll")).Text;

        text.Should().Be(string.Join('\n',
            "💵 <b>Зарплата за ноябрь 2026</b>",
            "оклад · % с оплат · бонусы · сдельно = итого",
            "<b>Анна</b>: 30 000 ₽ · 5 100 ₽ · 2 000 ₽ · 600 ₽ = <b>37 700 ₽</b>",
            "<b>Борис</b>: 30 000 ₽ · 883,33 ₽ · 2 000 ₽ · 300 ₽ = <b>33 183,33 ₽</b>",
            "",
            "Итого: <b>70 883,33 ₽</b>"));

        var file = (await DocumentsAsync(1)).Should().ContainSingle().Subject;
        file.FileName.Should().Be("payroll-2026-11.xlsx");
        var rows = ReadXlsx(file.Content);
        rows.Should().Equal(
            ("Анна", 30_000m, 5_100m, 2_000m, 600m, 37_700m),
            ("Борис", 30_000m, 883.33m, 2_000m, 300m, 33_183.33m));
    }

    [DatabaseFact]
    public async Task A_closed_month_keeps_its_scheme_after_the_change()
    {
        await ChangeSchemeInNovemberAsync();

        var text = (await _head.LastAsync("/payroll прошлый месяц")).Text;

        text.Should().Contain("Зарплата за октябрь 2026")
            .And.Contain("<b>Анна</b>: 30 000 ₽ · 1 000 ₽ · 1 000 ₽ · 0 ₽ = <b>32 000 ₽</b>")
            .And.Contain("<b>Борис</b>: 30 000 ₽ · 0 ₽ · 0 ₽ · 0 ₽ = <b>30 000 ₽</b>")
            .And.Contain("Итого: <b>62 000 ₽</b>");
        (await _head.LastAsync("/payroll 10.2026")).Text.Should().Be(text);
        ReadXlsx((await DocumentsAsync(2))[^1].Content).Should().Equal(
            ("Анна", 30_000m, 1_000m, 1_000m, 0m, 32_000m),
            ("Борис", 30_000m, 0m, 0m, 0m, 30_000m));
    }

    [DatabaseFact]
    public async Task A_payment_and_its_undo_change_the_pay_at_once()
    {
        await ChangeSchemeInNovemberAsync();

        // 30 000 more brings Anna to 160 000 = 80 % of her target: the 5 % tier, for all her general revenue.
        (await _anna.LastAsync($"/paid {_annasWonDeal} 30 000")).Text.Should().Contain("30 000 ₽");
        var after = (await _anna.LastAsync("/me")).Text;
        after.Should().Contain("💵 Заработано за месяц: <b>40 800 ₽</b>")
            .And.Contain("• 5 % с оплат 110 000 ₽ = 5 500 ₽")
            .And.Contain("⏭ До ставки 7 % (от 100 % плана): ещё <b>40 000 ₽</b> оплат");
        (await _head.LastAsync("/payroll")).Text.Should().Contain("<b>Анна</b>: 30 000 ₽ · 8 200 ₽ · 2 000 ₽ · 600 ₽ = <b>40 800 ₽</b>");

        await _anna.LastAsync("/undo");

        (await _anna.LastAsync("/me")).Text.Should().EndWith(string.Join('\n', AnnasPay));
        (await _head.LastAsync("/payroll")).Text.Should().Contain("<b>Анна</b>: 30 000 ₽ · 5 100 ₽ · 2 000 ₽ · 600 ₽ = <b>37 700 ₽</b>");
    }

    [DatabaseTheory]
    [InlineData("/pay процент 150", "ru", "процент не может быть больше 100 (150)")]
    [InlineData("/pay percent -1", "en", "a percentage cannot be negative (-1)")]
    [InlineData("/pay бонус -500", "ru", "сумма не может быть отрицательной (-500)")]
    [InlineData("/pay ступени 0-80:3 90-100:5 100+:7", "ru", "В ступенях пропуск: 80–90 %")]
    [InlineData("/pay tiers 0-80:3 70-100:5 100+:7", "en", "The tiers overlap: 70–80%")]
    [InlineData("/pay ступени 0-80:3 80-100:5", "ru", "Последняя ступень должна быть без верхней границы")]
    [InlineData("/pay ступени 0-80:3 вот", "ru", "Не понял ступень «вот»")]
    [InlineData("/pay процент 5 с 10.2026", "ru", "Месяц 2026-10 уже закрыт")]
    [InlineData("/pay product Шины 5", "en", "There is no product “Шины”")]
    [InlineData("/pay товар Станки много", "ru", "«много» — не число")]
    [InlineData("/pay зарплата 5", "ru", "Не понял, что изменить: «зарплата»")]
    public async Task Bad_input_is_answered_and_changes_nothing(string command, string language, string expected)
    {
        var before = (await _head.LastAsync("/payroll")).Text;

        var answer = (await _head.LastAsync(command, language)).Text;

        answer.Should().Contain(expected);
        (await _app.QueryAsync(db => db.PaySchemes.CountAsync())).Should().Be(1);
        (await _head.LastAsync("/payroll", "ru")).Text.Should().Be(before);
    }

    [DatabaseFact]
    public async Task A_scheme_for_a_later_month_leaves_the_current_one_alone()
    {
        (await _head.LastAsync("/pay процент 9 с 01.2027")).Text.Should().Contain("действует с января 2027");

        var shown = (await _head.LastAsync("/pay")).Text;
        shown.Should().Contain("• % с оплат: <b>5 %</b>").And.Contain("С января 2027 уже задана другая версия");
        (await _head.LastAsync("/pay с 01.2027")).Text.Should().Contain("действует с января 2027").And.Contain("• % с оплат: <b>9 %</b>");
    }

    [DatabaseFact]
    public async Task A_manager_can_run_neither_pay_nor_payroll()
    {
        (await _anna.LastAsync("/pay процент 50")).Text.Should().Contain("⛔");
        (await _boris.LastAsync("/payroll")).Text.Should().Contain("⛔");
        _app.Api.DocumentsTo(Boris).Should().BeEmpty();
        (await _app.QueryAsync(db => db.PaySchemes.CountAsync())).Should().Be(1);
    }

    /// <summary>The files the head was sent, once there are <paramref name="count"/>: a file follows the table's message.</summary>
    private async Task<IReadOnlyList<SentFile>> DocumentsAsync(int count)
    {
        await _app.Api.WaitForAsync(_ => _app.Api.DocumentsTo(Head).Count >= count, because: "the payroll's XLSX");
        return _app.Api.DocumentsTo(Head);
    }

    private static List<(string, decimal, decimal, decimal, decimal, decimal)> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => (
            (string)r["Менеджер"], Number(r["Оклад"]), Number(r["% с оплат"]), Number(r["Бонусы"]), Number(r["Сдельно"]), Number(r["Итого"])))];
    }

    private static decimal Number(object cell) => cell switch
    {
        double d => decimal.Round((decimal)d, 2),
        decimal m => m,
        _ => throw new InvalidOperationException($"Not a number: {cell} ({cell?.GetType().Name})"),
    };
}

public sealed class PayTestsOnSqlite() : PayTests(TestDatabase.Sqlite());

[Postgres]
public sealed class PayTestsOnPostgres() : PayTests(TestDatabase.Postgres());

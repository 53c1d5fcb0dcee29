using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Tests.Features.Reports;

/// <summary>The managers, activity, obligations and products reports against the hand-computed <see cref="ReportsFixture"/>.</summary>
public abstract class ReportsTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly Texts Ru = Texts.For(Language.Ru);
    private static readonly Texts En = Texts.For(Language.En);
    private ChatCrmApp _app = null!;
    private ReportsFixture _f = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _f = await ReportsFixture.SeedAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<ReportResult> Build(IReport report, ReportRequest request, Texts? t = null) =>
        _app.QueryAsync(db => report.BuildAsync(db, request, t ?? Ru, CancellationToken.None));

    private static IReadOnlyList<IReadOnlyList<object?>> Rows(ReportResult result, int table = 0) => result.Tables[table].Rows;

    [DatabaseFact]
    public async Task Managers_report_gives_every_figure_per_manager()
    {
        var result = await Build(new ManagersReport(), ReportsFixture.Request(ReportsFixture.November));

        result.Title.Should().Be("👥 Менеджеры — ноябрь 2026");
        result.Tables[0].Columns.Should().StartWith(["Менеджер", "Клиентов в работе", "Касаний", "% нормы"]);
        // Name, clients in work, touches, share of the norms met (each type up to its own norm: Анна 3 + 1 of 105 + 13, Борис 2 of 118), new, won, lost, win rate, avg days, weighted, target, paid.
        Rows(result).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Анна", 3, 4, 3.4m, 3, 1, 1, 50.0m, 10.0m, 100_000m, 300_000m, 55_000m },
            new object?[] { "Борис", 2, 2, 1.7m, 2, 2, 1, 66.7m, 25.0m, 8_000m, 100_000m, 0m },
        }, o => o.WithStrictOrdering());
        Rows(result, 1).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Анна", "Звонок", 3, 105, 2.9m },
            new object?[] { "Анна", "Встреча", 1, 13, 7.7m },
            new object?[] { "Борис", "Звонок", 2, 105, 1.9m },
            new object?[] { "Борис", "Встреча", 0, 13, 0.0m },
        }, o => o.WithStrictOrdering());
        result.Summary.Should().ContainSingle().Which.Should()
            .Contain("Клиентов в работе: 5").And.Contain("Касаний: 6, нормы выполнены на 2,5% (каждый вид работы — по своей норме)").And.Contain("Новых сделок: 5, выиграно: 3, проиграно: 2, конверсия 60%")
            .And.Contain("Оплачено: 55 000 ₽, план: 400 000 ₽, взвешенный прогноз: 108 000 ₽");
        result.Chart!.Labels.Should().Equal("Анна", "Борис");
        result.Chart.Series.Select(s => s.Values).Should().BeEquivalentTo(new[] { new[] { 100_000d, 8_000d }, [300_000d, 100_000d], [55_000d, 0d] });
    }

    [DatabaseFact]
    public async Task Managers_report_honours_the_manager_segment_and_cycle()
    {
        var boris = await Build(new ManagersReport(), ReportsFixture.Request(ReportsFixture.November, manager: _f.Boris));
        Rows(boris).Should().ContainSingle().Which.Should().BeEquivalentTo(new object?[] { "Борис", 2, 2, 1.7m, 2, 2, 1, 66.7m, 25.0m, 8_000m, 100_000m, 0m });

        // #retail: A1 (D5 open, three calls) and B1 (D3 won, D4 lost, two calls); A2, A3 and B2 are out.
        var retail = await Build(new ManagersReport(), ReportsFixture.Request(ReportsFixture.November, segment: _f.Retail));
        Rows(retail).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Анна", 1, 3, 2.5m, 1, 0, 0, null, null, 100_000m, 300_000m, 30_000m },
            new object?[] { "Борис", 1, 2, 1.7m, 1, 1, 1, 50.0m, 28.5m, 0m, 100_000m, 0m },
        }, o => o.WithStrictOrdering());

        // The service cycle: only D9, won by Борис in November; touches belong to no deal, so none count.
        var service = await Build(new ManagersReport(), ReportsFixture.Request(ReportsFixture.November, cycle: _f.ServiceCycle));
        Rows(service).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Анна", 0, 0, 0.0m, 0, 0, 0, null, null, 0m, 300_000m, 0m },
            new object?[] { "Борис", 1, 0, 0.0m, 1, 1, 0, 100.0m, 18.0m, 0m, 100_000m, 0m },
        }, o => o.WithStrictOrdering());
    }

    [DatabaseFact]
    public async Task Activity_report_counts_work_types_per_day_in_the_local_calendar()
    {
        var result = await Build(new ActivityReport(), ReportsFixture.Request(ReportsFixture.November, manager: _f.Anna));

        result.Title.Should().Be("📞 Активность — ноябрь 2026");
        result.Tables[0].Columns.Should().Equal("Менеджер", "День", "Звонок", "Встреча", "Всего");
        Rows(result).Should().HaveCount(30);
        Rows(result).Where(r => (int)r[4]! > 0).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Анна", "01.11", 1, 0, 1 },
            new object?[] { "Анна", "02.11", 1, 0, 1 },
            new object?[] { "Анна", "03.11", 1, 0, 1 },
            new object?[] { "Анна", "04.11", 0, 1, 1 },
        }, o => o.WithStrictOrdering());
        result.Chart!.Shape.Should().Be(ChartShape.Lines);
        result.Chart.Labels.Should().HaveCount(30);
        result.Chart.Series.Select(s => s.Name).Should().Equal("Звонок", "Встреча");
        result.Chart.Series[0].Values.Sum().Should().Be(3);
    }

    [DatabaseFact]
    public async Task Activity_report_goes_weekly_over_a_quarter()
    {
        var quarter = ReportPeriod.QuarterOf(new DateOnly(2026, 11, 1));
        var result = await Build(new ActivityReport(), ReportsFixture.Request(quarter), En);

        result.Title.Should().Be("📞 Activity — Q4 2026");
        result.Tables[0].Columns.Should().Equal("Manager", "Week", "Звонок", "Встреча", "Total");
        result.Chart!.Labels.Should().StartWith(["01.10", "05.10", "12.10"]).And.HaveCount(14);
        Rows(result).Where(r => (int)r[4]! > 0).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Анна", "26.10", 2, 0, 2 },
            new object?[] { "Анна", "02.11", 2, 1, 3 },
            new object?[] { "Анна", "30.11", 1, 0, 1 },
            new object?[] { "Борис", "02.11", 1, 0, 1 },
            new object?[] { "Борис", "09.11", 1, 0, 1 },
        }, o => o.WithStrictOrdering());
    }

    [DatabaseFact]
    public async Task Obligations_report_ages_receivables_with_part_payments()
    {
        var result = await Build(new ObligationsReport(), ReportsFixture.Request(ReportsFixture.November));

        result.Title.Should().Be("💳 Обязательства — ноябрь 2026");
        Rows(result).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "срок не наступил", 35_000m, 1 },
            new object?[] { "0–30 дней", 40_000m, 1 },
            new object?[] { "31–60 дней", 30_000m, 1 },
            new object?[] { "61–90 дней", 15_000m, 1 },
            new object?[] { "больше 90 дней", 60_000m, 1 },
        }, o => o.WithStrictOrdering());
        // Manager, expected in the period, received in it, owed, overdue, shipments, late shipments (D3's, due 20.11).
        Rows(result, 1).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Анна", 20_000m, 55_000m, 65_000m, 30_000m, 1, 0 },
            new object?[] { "Борис", 40_000m, 0m, 115_000m, 115_000m, 0, 1 },
        }, o => o.WithStrictOrdering());
        result.Summary.Should().Equal(
            "Дебиторка: 180 000 ₽, из них просрочено 145 000 ₽ (платежей с долгом: 5).",
            "За период ожидалось 60 000 ₽, получено 55 000 ₽.",
            "Отгрузки за период: ожидалось 1, сделано 1; просрочено сейчас: 1.");
        result.Chart!.Series.Should().ContainSingle().Which.Values.Should().Equal(35_000, 40_000, 30_000, 15_000, 60_000);
    }

    [DatabaseFact]
    public async Task Obligations_report_honours_the_manager_and_segment()
    {
        var anna = await Build(new ObligationsReport(), ReportsFixture.Request(ReportsFixture.November, manager: _f.Anna), En);
        anna.Title.Should().Be("💳 Obligations — November 2026");
        Rows(anna).Select(r => r[1]).Should().Equal(35_000m, 0m, 30_000m, 0m, 0m);
        Rows(anna, 1).Should().ContainSingle().Which[0].Should().Be("Анна");

        // #b2b: A2's D2 only — 35 000 not yet due; 20 000 expected and 25 000 received in November.
        var b2b = await Build(new ObligationsReport(), ReportsFixture.Request(ReportsFixture.November, segment: _f.B2b));
        Rows(b2b).Select(r => r[1]).Should().Equal(35_000m, 0m, 0m, 0m, 0m);
        b2b.Summary[1].Should().Be("За период ожидалось 20 000 ₽, получено 25 000 ₽.");
    }

    [DatabaseFact]
    public async Task Products_report_gives_won_amounts_per_product_and_month_with_the_change()
    {
        var period = ReportPeriod.Range(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30))!;
        var result = await Build(new ProductsReport(), ReportsFixture.Request(period));

        result.Tables[0].Columns.Should().Equal("Продукт", "Месяц", "Сделок", "Количество", "Сумма", "Изменение", "Изменение, %");
        Rows(result).Should().BeEquivalentTo(new List<object?[]>
        {
            new object?[] { "Станок", "10.2026", 1, 2, 100_000m, null, null },
            new object?[] { "Станок", "11.2026", 1, 1, 30_000m, -70_000m, -70.0m },
            new object?[] { "без продукта", "10.2026", 0, 0, 0m, null, null },
            new object?[] { "без продукта", "11.2026", 2, 0, 45_000m, 45_000m, null },
            new object?[] { "Фреза", "10.2026", 0, 0, 0m, null, null },
            new object?[] { "Фреза", "11.2026", 1, 3, 30_000m, 30_000m, null },
        }, o => o.WithStrictOrdering());
        result.Summary.Should().Equal(
            "Выиграно: 4 сделки на 205 000 ₽.",
            "• Станок: 2 сделки, 130 000 ₽ (к прошлому месяцу −70 000 ₽, −70%)",
            "• без продукта: 2 сделки, 45 000 ₽ (к прошлому месяцу +45 000 ₽)",
            "• Фреза: 1 сделка, 30 000 ₽ (к прошлому месяцу +30 000 ₽)");
        result.Chart!.Shape.Should().Be(ChartShape.Lines);
        result.Chart.Labels.Should().Equal("10.2026", "11.2026");
        result.Chart.Series.Select(s => s.Name).Should().Equal("Станок", "без продукта", "Фреза");
    }

    [DatabaseFact]
    public async Task Products_report_honours_the_filters_and_speaks_english()
    {
        var period = ReportPeriod.Range(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30))!;
        var boris = await Build(new ProductsReport(), ReportsFixture.Request(period, manager: _f.Boris), En);
        boris.Title.Should().StartWith("📦 Products — ");
        Rows(boris).Select(r => (r[0], r[4])).Should().Equal(("no product", (object?)0m), ("no product", 45_000m));

        var retail = await Build(new ProductsReport(), ReportsFixture.Request(period, segment: _f.Retail));
        Rows(retail).Select(r => (r[0], r[1], r[4])).Should().Equal(
            ("Станок", (object?)"10.2026", (object?)100_000m), ("Станок", "11.2026", 0m),
            ("без продукта", "10.2026", 0m), ("без продукта", "11.2026", 40_000m));

        var service = await Build(new ProductsReport(), ReportsFixture.Request(ReportsFixture.November, cycle: _f.ServiceCycle));
        Rows(service).Should().ContainSingle().Which.Should().BeEquivalentTo(new object?[] { "без продукта", "11.2026", 1, 0, 5_000m, null, null });
    }

    [DatabaseFact]
    public async Task Every_report_has_an_english_title()
    {
        var request = ReportsFixture.Request(ReportsFixture.November);
        (await Build(new ManagersReport(), request, En)).Title.Should().Be("👥 Managers — November 2026");
        (await Build(new ActivityReport(), request, En)).Title.Should().Be("📞 Activity — November 2026");
        (await Build(new ObligationsReport(), request, En)).Tables[0].Columns.Should().Equal("Overdue by", "Owed", "Payments");
        (await Build(new ProductsReport(), request, En)).Title.Should().Be("📦 Products — November 2026");
    }
}

public sealed class ReportsTestsOnSqlite() : ReportsTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ReportsTestsOnPostgres() : ReportsTests(TestDatabase.Postgres());

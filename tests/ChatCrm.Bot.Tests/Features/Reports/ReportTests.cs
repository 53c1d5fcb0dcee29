using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Features.Reports;

/// <summary>
/// A hand-computed November 2026 in Moscow; "now" is 28 November, 12:00. Stages of «Продажи»: P1 Первый контакт (10 %),
/// P2 Квалификация (25 %), P3 Предложение (50 %), P4 Переговоры (70 %), P5 Договор (90 %).
/// Иван: D1 Альфа (#Опт) 100 000 opened 20 Oct in P1, → P2 3 Nov, → P3 10 Nov, open, expected to close 25 Nov;
/// D2 Бета (#Опт) 50 000 opened 5 Nov, → P2 6 Nov, lost 12 Nov (Цена), reopened into P2 15 Nov, lost 20 Nov (Конкурент);
/// D3 Гамма 200 000 opened 2 Nov, → P2 4 Nov, won 18 Nov; D8 Тета 10 000 opened 1 Oct, lost 10 Oct (Нет ответа).
/// Пётр: D4 Дельта 80 000 opened 3 Nov, lost 9 Nov at P1 (Цена); D5 Эпсилон 60 000 opened 15 Oct, open in P1, no date;
/// D6 Жета 40 000 opened 10 Nov, → P2 11 Nov, → P3 12 Nov, lost 26 Nov (Цена); D7 Зета 30 000 opened 20 Nov, → P4 22 Nov,
/// open, expected 10 Dec. Targets: November Иван 300 000, Пётр 200 000; December Иван 100 000.
///
/// November: entered P1 = D2 D3 D4 D6 D7 = 5; P2 = D1 D2 D3 D6 = 4 (D2 twice, counted once); P3 = D1 D6 = 2; P4 = D7 = 1;
/// conversions 4/5 = 80 %, 2/4 = 50 %, 1/2 = 50 %, 0/1 = 0 %; won 1 (200 000). Open now: P1 D5 60 000, P3 D1 100 000,
/// P4 D7 30 000 = 3 deals, 190 000. Lost in November: D4 (P1, Цена, Пётр, 80 000), D2 (P2, Конкурент, Иван, 50 000),
/// D6 (P3, Цена, Пётр, 40 000) = 3, 170 000. Weighted: D1 50 000 (Nov), D7 21 000 (Dec), D5 6 000 (no date).
/// </summary>
public abstract class ReportTests(TestDatabase database) : IAsyncLifetime
{
    private const string Moscow = "Europe/Moscow";
    private ScheduleWorld _w = null!;
    private User _head = null!;
    private User _english = null!;
    private User _ivan = null!;
    private User _petr = null!;

    public async Task InitializeAsync()
    {
        _w = await StartAsync(database: database);
        _head = await _w.UserAsync(3009, Role.Head, Moscow, name: "Ольга");
        _english = await _w.UserAsync(3010, Role.Admin, Moscow, name: "Ann", language: Language.En);
        _ivan = await _w.UserAsync(3001, Role.Manager, Moscow, name: "Иван");
        _petr = await _w.UserAsync(3002, Role.Manager, Moscow, name: "Пётр");
        await SeedAsync();
        _w.Clock.SetUtcNow(M(11, 28, 12));
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await database.DropAsync();
    }

    private static DateTime M(int month, int day, int hour = 12) => At(Moscow, 2026, month, day, hour);

    private async Task SeedAsync()
    {
        var opt = await Seed.SegmentAsync(_w.App, "Опт");
        var alpha = await _w.ClientAsync("Альфа", _ivan.Id);
        var beta = await _w.ClientAsync("Бета", _ivan.Id);
        var gamma = await _w.ClientAsync("Гамма", _ivan.Id);
        var theta = await _w.ClientAsync("Тета", _ivan.Id);
        var delta = await _w.ClientAsync("Дельта", _petr.Id);
        var epsilon = await _w.ClientAsync("Эпсилон", _petr.Id);
        var zheta = await _w.ClientAsync("Жета", _petr.Id);
        var zeta = await _w.ClientAsync("Зета", _petr.Id);
        var d1 = (await _w.DealAsync(alpha, 100_000, M(10, 20))).Id;
        var d2 = (await _w.DealAsync(beta, 50_000, M(11, 5))).Id;
        var d3 = (await _w.DealAsync(gamma, 200_000, M(11, 2))).Id;
        var d4 = (await _w.DealAsync(delta, 80_000, M(11, 3))).Id;
        await _w.DealAsync(epsilon, 60_000, M(10, 15));
        var d6 = (await _w.DealAsync(zheta, 40_000, M(11, 10))).Id;
        var d7 = (await _w.DealAsync(zeta, 30_000, M(11, 20))).Id;
        var d8 = (await _w.DealAsync(theta, 10_000, M(10, 1))).Id;
        await _w.ChangeAsync(async db =>
        {
            var p = await db.Stages.ToDictionaryAsync(s => s.Position);
            var r = await db.LostReasons.ToDictionaryAsync(x => x.Name);
            var deals = await db.Deals.ToDictionaryAsync(x => x.Id);
            var segment = await db.Segments.SingleAsync(s => s.Id == opt);
            foreach (var client in await db.Clients.Where(c => c.Name == "Альфа" || c.Name == "Бета").ToListAsync())
            {
                client.SetSegment(segment);
            }

            db.StageChanges.Add(deals[d1].MoveTo(p[2], M(11, 3), _ivan.Id));
            db.StageChanges.Add(deals[d1].MoveTo(p[3], M(11, 10), _ivan.Id));
            deals[d1].SetExpectedClose(M(11, 25, 0));
            db.StageChanges.Add(deals[d2].MoveTo(p[2], M(11, 6), _ivan.Id));
            db.StageChanges.Add(deals[d2].Lose(r["Цена"], null, M(11, 12), _ivan.Id));
            db.StageChanges.Add(deals[d2].Reopen(p[2], M(11, 15), _ivan.Id));
            db.StageChanges.Add(deals[d2].Lose(r["Конкурент"], null, M(11, 20), _ivan.Id));
            db.StageChanges.Add(deals[d3].MoveTo(p[2], M(11, 4), _ivan.Id));
            db.StageChanges.Add(deals[d3].Win(null, M(11, 18), _ivan.Id));
            db.StageChanges.Add(deals[d8].Lose(r["Нет ответа"], null, M(10, 10), _ivan.Id));
            db.StageChanges.Add(deals[d4].Lose(r["Цена"], null, M(11, 9), _petr.Id));
            db.StageChanges.Add(deals[d6].MoveTo(p[2], M(11, 11), _petr.Id));
            db.StageChanges.Add(deals[d6].MoveTo(p[3], M(11, 12), _petr.Id));
            db.StageChanges.Add(deals[d6].Lose(r["Цена"], null, M(11, 26), _petr.Id));
            db.StageChanges.Add(deals[d7].MoveTo(p[4], M(11, 22), _petr.Id));
            deals[d7].SetExpectedClose(M(12, 10, 0));
            db.Targets.Add(Target.Create(_ivan.Id, new DateTime(2026, 11, 1), 300_000));
            db.Targets.Add(Target.Create(_petr.Id, new DateTime(2026, 11, 1), 200_000));
            db.Targets.Add(Target.Create(_ivan.Id, new DateTime(2026, 12, 1), 100_000));
        });
    }

    private Chat As(User user) => new(_w.App, user.TelegramId, user.DisplayName, user.Id == _english.Id ? "en" : "ru");

    /// <summary>Taps the Excel button and reads the file Telegram received back with MiniExcel: sheet name → rows.</summary>
    private async Task<(string FileName, Dictionary<string, List<object?[]>> Sheets)> ExcelAsync(User user, string data)
    {
        var before = _w.App.Api.DocumentsTo(user.ChatId).Count;
        await _w.TapAsync(user.TelegramId, data);
        await _w.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendDocument" && x.Ok && x.ChatId == user.ChatId) > before, because: "the XLSX is sent");
        var file = _w.App.Api.DocumentsTo(user.ChatId)[^1];
        using var stream = new MemoryStream(file.Content);
        var sheets = new Dictionary<string, List<object?[]>>();
        foreach (var name in stream.GetSheetNames())
        {
            sheets[name] = [.. stream.Query(useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray())];
        }

        return (file.FileName, sheets);
    }

    private Task<List<OutboxMessage>> FilesAsync(User user) =>
        _w.DbAsync(db => db.Outbox.Where(m => m.ChatId == user.ChatId && (m.Kind == OutboxKind.Photo || m.Kind == OutboxKind.Document)).OrderBy(m => m.Id).ToListAsync());

    private static object?[] Row(params object?[] cells) => cells;

    /// <summary>The text's line for a row: its cells in order, separated by padding only.</summary>
    private static Regex Line(params string[] cells) => new("(?m)^" + string.Join(@"\s+", cells.Select(Regex.Escape)) + @"\s*$");

    [DatabaseFact]
    public async Task The_funnel_counts_open_deals_entries_conversions_and_losses_and_its_Excel_matches_the_text()
    {
        var said = await As(_head).LastAsync("/report воронка");

        said.Plain.Should().Contain("📊 <b>Воронка</b> — ноябрь 2026")
            .And.Contain("Сейчас в работе: 3 сделки на 190 000. За период выиграно 1 на 200 000, проиграно 3 на 170 000.")
            .And.Contain("Проиграны на этапах: Первый контакт 1, Квалификация 1, Предложение 1.");
        said.Plain.Should().MatchRegex(Line("Первый контакт", "1", "60 000", "5", "80")).And.MatchRegex(Line("Квалификация", "0", "0", "4", "50"))
            .And.MatchRegex(Line("Предложение", "1", "100 000", "2", "50")).And.MatchRegex(Line("Переговоры", "1", "30 000", "1", "0"))
            .And.MatchRegex(Line("Договор", "0", "0", "0", "—")).And.MatchRegex(Line("✅ Выиграно", "—", "200 000", "1", "—"));
        said.CallbackData.Should().Equal("rp:x:funnel:M20261101", "https://crm.example.com/app/reports?kind=funnel&period=M20261101");

        var (name, sheets) = await ExcelAsync(_head, "rp:x:funnel:M20261101");
        name.Should().Be("funnel_2026-11-01_2026-11-30.xlsx");
        sheets.Keys.Should().Equal("Воронка", "Где теряем");
        sheets["Воронка"].Should().BeEquivalentTo(new[]
        {
            Row("Цикл", "Этап", "Открыто", "Сумма", "Вошло", "Конв., %"),
            Row("Продажи", "Первый контакт", 1d, 60_000d, 5d, 80d),
            Row("Продажи", "Квалификация", 0d, 0d, 4d, 50d),
            Row("Продажи", "Предложение", 1d, 100_000d, 2d, 50d),
            Row("Продажи", "Переговоры", 1d, 30_000d, 1d, 0d),
            Row("Продажи", "Договор", 0d, 0d, 0d, null),
            Row("Продажи", "✅ Выиграно", null, 200_000d, 1d, null),
        }, o => o.WithStrictOrdering());
        sheets["Где теряем"].Should().BeEquivalentTo(new[]
        {
            Row("Цикл", "Этап", "Проиграно", "Сумма"),
            Row("Продажи", "Первый контакт", 1d, 80_000d),
            Row("Продажи", "Квалификация", 1d, 50_000d),
            Row("Продажи", "Предложение", 1d, 40_000d),
        }, o => o.WithStrictOrdering());

        var photo = (await FilesAsync(_head)).First(m => m.Kind == OutboxKind.Photo);
        AssertPng(Convert.FromBase64String(Payloads.Read<PhotoPayload>(photo.Payload).PngBase64), ReportPicture.Width, 500);
    }

    [DatabaseFact]
    public async Task Lost_deals_are_split_by_reason_stage_and_manager_with_shares()
    {
        var said = await As(_head).LastAsync("/report потери ноябрь");

        said.Plain.Should().Contain("📊 <b>Потери</b> — ноябрь 2026").And.Contain("Проиграно 3 сделки на 170 000.")
            .And.MatchRegex(Line("Цена", "2", "66,7", "120 000")).And.MatchRegex(Line("Конкурент", "1", "33,3", "50 000"))
            .And.NotContain("Нет ответа", "D8 was lost in October");

        var (_, sheets) = await ExcelAsync(_head, said.Button("Excel"));
        sheets.Keys.Should().Equal("По причинам", "По этапам", "По менеджерам", "Причина × этап × менеджер");
        sheets["По причинам"].Skip(1).Should().BeEquivalentTo(new[] { Row("Цена", 2d, 66.7, 120_000d), Row("Конкурент", 1d, 33.3, 50_000d) }, o => o.WithStrictOrdering());
        sheets["По этапам"].Skip(1).Should().BeEquivalentTo(new[]
        {
            Row("Первый контакт", 1d, 33.3, 80_000d), Row("Квалификация", 1d, 33.3, 50_000d), Row("Предложение", 1d, 33.3, 40_000d),
        }, o => o.WithStrictOrdering());
        sheets["По менеджерам"].Skip(1).Should().BeEquivalentTo(new[] { Row("Пётр", 2d, 66.7, 120_000d), Row("Иван", 1d, 33.3, 50_000d) }, o => o.WithStrictOrdering());
        sheets["Причина × этап × менеджер"].Should().BeEquivalentTo(new[]
        {
            Row("Причина", "Этап", "Менеджер", "Проиграно", "Доля, %", "Сумма"),
            Row("Конкурент", "Квалификация", "Иван", 1d, 33.3, 50_000d),
            Row("Цена", "Первый контакт", "Пётр", 1d, 33.3, 80_000d),
            Row("Цена", "Предложение", "Пётр", 1d, 33.3, 40_000d),
        }, o => o.WithStrictOrdering());

        var segment = await As(_head).LastAsync("/report потери ноябрь #опт");
        segment.Plain.Should().Contain("ноябрь 2026 · #Опт").And.Contain("Проиграно 1 сделка на 50 000.").And.MatchRegex(Line("Конкурент", "1", "100", "50 000"));

        var october = await As(_head).LastAsync("/report потери прошлый месяц");
        october.Plain.Should().Contain("октябрь 2026").And.MatchRegex(Line("Нет ответа", "1", "100", "10 000"));
    }

    [DatabaseFact]
    public async Task The_forecast_weighs_open_deals_by_expected_month_against_targets_in_English()
    {
        var said = await As(_english).LastAsync("/report forecast quarter");

        said.Plain.Should().Contain("📊 <b>Forecast</b> — Q4 2026")
            .And.Contain("Weighted forecast for the period: 71,000, target 600,000 (11.8% of target).")
            .And.Contain("No expected close date: 1 deal, weighted 6,000");
        var (_, sheets) = await ExcelAsync(_english, said.Button("Excel"));
        sheets["Forecast"].Should().BeEquivalentTo(new[]
        {
            Row("Month", "Deals", "Amount", "Weighted", "Target", "Of target, %"),
            Row("October 2026", 0d, 0d, 0d, 0d, null),
            Row("November 2026", 1d, 100_000d, 50_000d, 500_000d, 10d),
            Row("December 2026", 1d, 30_000d, 21_000d, 100_000d, 21d),
            Row("No date", 1d, 60_000d, 6_000d, null, null),
        }, o => o.WithStrictOrdering());
        said.Plain.Should().MatchRegex(Line("November 2026", "1", "100,000", "50,000", "500,000", "10"));

        var photo = (await FilesAsync(_english)).First(m => m.Kind == OutboxKind.Photo);
        AssertPng(Convert.FromBase64String(Payloads.Read<PhotoPayload>(photo.Payload).PngBase64), ReportPicture.Width, ReportPicture.MinHeight);

        var petr = await As(_head).LastAsync("/report прогноз Пётр");
        petr.Plain.Should().Contain("ноябрь 2026 · Пётр").And.MatchRegex(Line("ноябрь 2026", "0", "0", "0", "200 000", "0"))
            .And.MatchRegex(Line("Позже", "1", "30 000", "21 000", "—", "—")).And.MatchRegex(Line("Без даты", "1", "60 000", "6 000", "—", "—"));
    }

    [DatabaseFact]
    public async Task A_manager_sees_only_their_own_figures_and_cannot_ask_for_another()
    {
        var own = await As(_ivan).LastAsync("/report потери");
        own.Plain.Should().Contain("ноябрь 2026 · Иван").And.Contain("Проиграно 1 сделка на 50 000.").And.NotContain("Цена");

        var funnel = await As(_ivan).LastAsync("/report воронка");
        funnel.Plain.Should().Contain("Сейчас в работе: 1 сделка на 100 000. За период выиграно 1 на 200 000, проиграно 1 на 50 000.");

        var before = (await FilesAsync(_ivan)).Count;
        (await As(_ivan).LastAsync("/report потери Пётр")).Text.Should().Contain("Менеджер видит только свои цифры");
        (await As(_ivan).TapAsync($"rp:x:lost:M20261101:u{_petr.Id}")).Single().Text.Should().Contain("Менеджер видит только свои цифры");
        (await As(_ivan).TapAsync($"rp:r:funnel:M20261101:u{_petr.Id}")).Single().Text.Should().Contain("Менеджер видит только свои цифры");
        (await FilesAsync(_ivan)).Should().HaveCount(before, "no chart and no file of another manager's figures");

        var (_, sheets) = await ExcelAsync(_ivan, own.Button("Excel"));
        sheets["По менеджерам"].Skip(1).Select(r => r[0]).Should().Equal("Иван");
    }

    [DatabaseFact]
    public async Task Bad_input_gets_a_clear_answer_with_buttons_and_changes_nothing()
    {
        var deals = await _w.DbAsync(db => db.Deals.CountAsync());
        var unknown = await As(_head).LastAsync("/report зарплата");
        unknown.Text.Should().Contain("Не знаю отчёт «зарплата»");
        unknown.CallbackData.Should().Contain(["rp:k:funnel", "rp:k:lost", "rp:k:forecast"]);

        var period = await As(_head).LastAsync("/report воронка 32.13");
        period.Text.Should().Contain("32.13");
        period.CallbackData.Should().Equal("rp:r:funnel:M20261101", "rp:r:funnel:M20261001", "rp:r:funnel:Q20261001", "rp:r:funnel:Y20260101");

        (await As(_head).LastAsync("/report воронка ноябрь Никто")).Text.Should().Contain("Не нашёл «Никто»");
        (await As(_head).TapAsync("rp:x:funnel:Z20261101")).Should().NotContain(s => s.Text.Contains("Воронка", StringComparison.Ordinal));

        (await FilesAsync(_head)).Should().BeEmpty();
        (await _w.DbAsync(db => db.Deals.CountAsync())).Should().Be(deals);

        var english = await As(_english).LastAsync("/report salary");
        english.Text.Should().Contain("I don't know the report “salary”");
    }

    [DatabaseFact]
    public async Task Without_arguments_it_asks_the_kind_then_the_period()
    {
        var ask = await As(_head).LastAsync("/report");
        ask.Text.Should().Contain("Какой отчёт?");
        ask.CallbackData.Should().Equal("rp:k:funnel", "rp:k:managers", "rp:k:lost", "rp:k:products", "rp:k:activity", "rp:k:obligations", "rp:k:forecast");

        var periods = (await As(_head).TapAsync("rp:k:lost")).Last();
        periods.Text.Should().Contain("Потери: за какой период?");
        periods.Labels.Should().Equal("Этот месяц", "Прошлый месяц", "Квартал", "Год");

        (await As(_head).TapAsync(periods.Button("Этот месяц"))).Last().Plain.Should().Contain("Проиграно 3 сделки на 170 000.");

        await As(_head).TapAsync("rp:k:lost");
        (await As(_head).LastAsync("октябрь")).Plain.Should().Contain("📊 <b>Потери</b> — октябрь 2026").And.Contain("Нет ответа");
    }

    [DatabaseFact]
    public async Task With_csv_the_main_table_comes_as_a_semicolon_separated_file()
    {
        var said = await As(_head).LastAsync("/report потери ноябрь csv");
        said.Buttons.Should().BeEmpty();
        await _w.App.Api.WaitForAsync(c => c.Any(x => x.Method == "sendDocument" && x.Ok && x.ChatId == _head.ChatId), because: "the CSV is sent");
        var file = _w.App.Api.DocumentsTo(_head.ChatId).Single();

        file.FileName.Should().Be("lost_2026-11-01_2026-11-30.csv");
        file.CaptionHtml.Should().Contain("разделитель «;»");
        file.Content.AsSpan(0, 3).ToArray().Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(file.Content[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal("Причина;Проиграно;Доля, %;Сумма", "Цена;2;66.7;120000", "Конкурент;1;33.3;50000");
    }

    [DatabaseFact]
    public void A_long_table_is_summarised_within_the_message_limit_and_charts_of_both_shapes_are_pngs()
    {
        var rows = Enumerable.Range(1, 400).Select(i => (IReadOnlyList<object?>)[$"Менеджер <{i}>", i, 1234.5m * i]).ToList();
        var result = new ReportResult("Тест", ["строка"], [new ReportTable("Таблица", ["Кто", "Сколько", "Сумма"], rows)],
            new ReportChart("Тест", ChartShape.Bars, [.. rows.Take(30).Select(r => (string)r[0]!)], [new ChartSeries("a", [.. Enumerable.Range(1, 30).Select(i => (double)i)])]));
        var text = ReportText.Render(Core.Messages.Texts.Russian, "<b>Тест</b>", result);

        text.Length.Should().BeLessThanOrEqualTo(4096);
        text.Should().Contain("Менеджер &lt;1&gt;").And.Contain("все в Excel").And.NotContain("Менеджер <1>");

        AssertPng(ReportPicture.Render(result.Chart!, Core.Messages.Texts.Russian.Culture), ReportPicture.Width, ReportPicture.HeightFor(result.Chart!));
        AssertPng(ReportPicture.Render(new ReportChart("Линии", ChartShape.Lines, ["ноябрь 2026", "декабрь 2026"], [new ChartSeries("a", [1, 2]), new ChartSeries("b", [2, 1])]),
            Core.Messages.Texts.Russian.Culture), ReportPicture.Width, ReportPicture.MinHeight);
    }

    [DatabaseFact]
    public void A_chart_of_small_counts_has_whole_numbers_on_its_scale_and_one_of_amounts_may_have_fractions()
    {
        static double[] Ticks(ReportChart chart, bool bars)
        {
            using var plot = ReportPicture.Draw(chart, Core.Messages.Texts.Russian.Culture);
            plot.GetImageBytes(ReportPicture.Width, ReportPicture.HeightFor(chart), ScottPlot.ImageFormat.Png);
            ScottPlot.IAxis values = bars ? plot.Axes.Bottom : plot.Axes.Left;
            return [.. values.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position)];
        }

        var deals = Ticks(new ReportChart("Сделки", ChartShape.Bars, ["Иван", "Пётр"], [new ChartSeries("выиграно", [1, 2])]), bars: true);
        var touches = Ticks(new ReportChart("Касания", ChartShape.Lines, ["1 дек", "2 дек"], [new ChartSeries("звонки", [0, 1])]), bars: false);
        var amounts = Ticks(new ReportChart("Суммы", ChartShape.Bars, ["Иван"], [new ChartSeries("₽", [0.5])]), bars: true);

        deals.Should().NotBeEmpty().And.OnlyContain(t => t == Math.Floor(t), "half a deal is not a thing");
        touches.Should().NotBeEmpty().And.OnlyContain(t => t == Math.Floor(t));
        amounts.Should().Contain(t => t != Math.Floor(t), "an amount's scale is left to the chart");
    }

    [DatabaseFact]
    public async Task The_monthly_digest_compares_the_month_so_far_with_the_same_days_of_the_previous_month()
    {
        // 1–28 November against 1–28 October: new deals 5 (D2 D3 D4 D6 D7) against 3 (D8, D5, D1); lost 3 against 1 (D8).
        var page = (await As(_head).SayAsync("/digest month"))[0].Plain;

        page.Should().Contain("Итоги месяца — 1 ноября – 28 ноября").And.Contain("Месяц к тем же дням прошлого")
            .And.Contain("Новых сделок: 5 (+2)").And.Contain("Проиграно: 3 (+2)");
        (await As(_english).SayAsync("/digest month"))[0].Plain.Should().Contain("Month so far — November 1 – November 28");
    }

    private static void AssertPng(byte[] png, int width, int height)
    {
        png.AsSpan(0, 8).ToArray().Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        Encoding.ASCII.GetString(png, 12, 4).Should().Be("IHDR");
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)).Should().Be(width);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)).Should().Be(height);
        png.Length.Should().BeInRange(5_000, 2_000_000);
    }
}

public sealed class ReportTestsOnSqlite() : ReportTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ReportTestsOnPostgres() : ReportTests(TestDatabase.Postgres());

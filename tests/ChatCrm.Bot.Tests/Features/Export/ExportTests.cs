using System.Globalization;
using System.Text;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Features.Export;

/// <summary>
/// Moscow, "now" 28 November 2026, 12:00. Иван owns Альфа (#Опт, Казань, created 10 Nov, a phone and an e-mail), Бета
/// (created 5 Oct) and four clients named like formulas (created 1 Oct); Пётр owns Дельта (created 3 Nov).
/// Deals: D1 Альфа 100 000,50 opened 12 Nov, moved to Квалификация 14 Nov, expected 10 Dec; D2 Бета 50 000 opened 6 Oct,
/// lost 20 Oct (Цена); D3 Дельта 80 000 opened 4 Nov (Пётр), won 20 Nov. Touches: Иван called Альфа 15 Nov, Пётр called
/// Дельта 16 Nov, Иван plans a call to Альфа on 1 Dec. Payments: D1 40 000 on 25 Nov, D3 80 000 on 21 Nov.
/// </summary>
public abstract class ExportTests(TestDatabase database) : IAsyncLifetime
{
    private const string Moscow = "Europe/Moscow";
    /// <summary>Formula-like names, the last two near misses of a phone: a phone alone is left as it is, these are not.</summary>
    private static readonly string[] FormulaNames =
        ["=HYPERLINK(\"http://x\",\"y\")", "+1", "@cmd", "-2+3", "+1+cmd|' /C calc'!A0", "+79001234567+SUM(1)"];
    private ScheduleWorld _w = null!;
    private User _head = null!;
    private User _english = null!;
    private User _ivan = null!;
    private User _petr = null!;
    private long _d1;
    private long _d2;
    private long _d3;

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

    /// <summary>The same instant as a spreadsheet shows it: Moscow wall-clock time.</summary>
    private static DateTime L(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0);

    private async Task SeedAsync()
    {
        var opt = await Seed.SegmentAsync(_w.App, "Опт");
        var alpha = await _w.ClientAsync("Альфа", _ivan.Id, M(11, 10));
        var beta = await _w.ClientAsync("Бета", _ivan.Id, M(10, 5));
        var delta = await _w.ClientAsync("Дельта", _petr.Id, M(11, 3));
        foreach (var name in FormulaNames)
        {
            await _w.ClientAsync(name, _ivan.Id, M(10, 1));
        }

        _d1 = (await _w.DealAsync(alpha, 100_000.5m, M(11, 12), title: "Станки")).Id;
        _d2 = (await _w.DealAsync(beta, 50_000, M(10, 6), title: "Запчасти")).Id;
        _d3 = (await _w.DealAsync(delta, 80_000, M(11, 4), title: "Линия")).Id;
        await _w.TouchAsync(alpha, _ivan.Id, M(11, 15), "обсудили цену");
        await _w.TouchAsync(delta, _petr.Id, M(11, 16), "секрет Петра");
        await Seed.PlannedAsync(_w.App, alpha.Id, _ivan.Id, M(12, 1, 10), M(11, 15), "прислать КП");
        await _w.ChangeAsync(async db =>
        {
            var stages = await db.Stages.ToDictionaryAsync(s => s.Position);
            var deals = await db.Deals.ToDictionaryAsync(d => d.Id);
            var a = await db.Clients.SingleAsync(c => c.Id == alpha.Id);
            a.SetSegment(await db.Segments.SingleAsync(s => s.Id == opt));
            a.AddPhone("8 900 123-45-67");
            a.AddEmail("Buy@Alpha.ru");
            a.SetCity("Казань");
            a.SetNote("звонить после обеда");
            db.StageChanges.Add(deals[_d1].MoveTo(stages[2], M(11, 14), _ivan.Id));
            deals[_d1].SetExpectedClose(M(12, 10, 0));
            db.StageChanges.Add(deals[_d2].Lose(await db.LostReasons.SingleAsync(r => r.Name == "Цена"), null, M(10, 20), _ivan.Id));
            db.StageChanges.Add(deals[_d3].Win(null, M(11, 20), _petr.Id));
            db.Obligations.Add(Obligation.RecordPayment(deals[_d1], 40_000, M(11, 25), _ivan.Id, M(11, 25)));
            db.Obligations.Add(Obligation.RecordPayment(deals[_d3], 80_000, M(11, 21), _petr.Id, M(11, 21)));
        });
    }

    private Chat As(User user) => new(_w.App, user.TelegramId, user.DisplayName, user.Id == _english.Id ? "en" : "ru");

    private static object?[] Row(params object?[] cells) => cells;

    /// <summary>Sends the command and returns the file Telegram received, with its caption.</summary>
    private async Task<SentFile> FileAsync(User user, string command)
    {
        var before = _w.App.Api.DocumentsTo(user.ChatId).Count;
        await As(user).SayAsync(command);
        await _w.App.Api.WaitForAsync(c => c.Count(x => x.Method == "sendDocument" && x.Ok && x.ChatId == user.ChatId) > before, because: "the file is sent");
        return _w.App.Api.DocumentsTo(user.ChatId)[^1];
    }

    /// <summary>The first sheet read back with MiniExcel, header row included; empty cells as null.</summary>
    private static List<object?[]> Xlsx(SentFile file)
    {
        using var stream = new MemoryStream(file.Content);
        return [.. stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v is string { Length: 0 } ? null : v).ToArray())];
    }

    /// <summary>The file read back with CsvHelper, as Excel in a Russian locale would split it.</summary>
    private static List<string[]> Csv(SentFile file)
    {
        var rows = new List<string[]>();
        using var reader = CsvReader.Create(file.Content, new CsvReaderOptions { Separator = ';', HasHeader = false });
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    /// <summary>Files queued for the user: a refusal or an empty result queues none.</summary>
    private Task<int> DocumentsAsync(User user) =>
        _w.DbAsync(db => db.Outbox.CountAsync(m => m.ChatId == user.ChatId && m.Kind == OutboxKind.Document));

    [DatabaseFact]
    public async Task A_head_exports_every_deal_and_the_sheet_read_back_equals_the_deals_with_numbers_and_dates_as_such()
    {
        var file = await FileAsync(_head, "/export сделки");

        file.FileName.Should().Be("deals-all.xlsx");
        file.CaptionHtml.Should().Be("📤 <b>Сделки</b>: 3 строки — за всё время");
        Xlsx(file).Should().BeEquivalentTo(new[]
        {
            Row("№", "Клиент", "Название", "Сумма", "Цикл", "Этап", "Статус", "Менеджер", "Открыта", "Закрыта", "Причина проигрыша", "Ожидаемое закрытие"),
            Row((double)_d1, "Альфа", "Станки", 100_000.5, "Продажи", "Квалификация", "в работе", "Иван", L(11, 12), null, null, L(12, 10, 0)),
            Row((double)_d2, "Бета", "Запчасти", 50_000d, "Продажи", "Первый контакт", "проиграна", "Иван", L(10, 6), L(10, 20), "Цена", null),
            Row((double)_d3, "Дельта", "Линия", 80_000d, "Продажи", "Первый контакт", "выиграна", "Пётр", L(11, 4), L(11, 20), null, null),
        }, o => o.WithStrictOrdering());
    }

    [DatabaseFact]
    public async Task A_manager_gets_only_their_own_clients_with_every_column_formula_like_names_neutralised_and_phones_as_they_are()
    {
        var file = await FileAsync(_ivan, "/export клиенты");

        file.FileName.Should().Be("clients-all.xlsx");
        var alpha = await _w.DbAsync(db => db.Clients.SingleAsync(c => c.Name == "Альфа"));
        var rows = Xlsx(file);
        rows[0].Should().Equal("№", "Название", "Телефоны", "E-mail", "Сегмент", "Менеджер", "Город", "Заметка", "Создан",
            "Последний контакт", "Следующий контакт", "Открытых сделок", "Оплачено всего");
        rows.Skip(1).Should().BeEquivalentTo(new[]
        {
            Row((double)alpha.Id, "Альфа", "+79001234567", "buy@alpha.ru", "Опт", "Иван", "Казань", "звонить после обеда", L(11, 10),
                L(11, 15), L(12, 1, 10), 1d, 40_000d),
            Row((double)alpha.Id + 1, "Бета", null, null, null, "Иван", null, null, L(10, 5), null, null, 0d, 0d),
            Row((double)alpha.Id + 3, "'=HYPERLINK(\"http://x\",\"y\")", null, null, null, "Иван", null, null, L(10, 1), null, null, 0d, 0d),
            Row((double)alpha.Id + 4, "'+1", null, null, null, "Иван", null, null, L(10, 1), null, null, 0d, 0d),
            Row((double)alpha.Id + 5, "'@cmd", null, null, null, "Иван", null, null, L(10, 1), null, null, 0d, 0d),
            Row((double)alpha.Id + 6, "'-2+3", null, null, null, "Иван", null, null, L(10, 1), null, null, 0d, 0d),
            Row((double)alpha.Id + 7, "'+1+cmd|' /C calc'!A0", null, null, null, "Иван", null, null, L(10, 1), null, null, 0d, 0d),
            Row((double)alpha.Id + 8, "'+79001234567+SUM(1)", null, null, null, "Иван", null, null, L(10, 1), null, null, 0d, 0d),
        }, o => o.WithStrictOrdering());
        rows.Should().NotContain(r => r.Contains("Дельта"), "Дельта is Пётр's client");
    }

    [DatabaseFact]
    public async Task A_managers_touches_and_payments_hold_nothing_of_another_managers_clients()
    {
        var touches = Xlsx(await FileAsync(_ivan, "/export касания"));
        var payments = Xlsx(await FileAsync(_ivan, "/export оплаты"));
        var deals = Xlsx(await FileAsync(_ivan, "/export сделки"));

        touches.Should().BeEquivalentTo(new[]
        {
            Row("Дата", "Клиент", "Вид работы", "Менеджер", "Статус", "Заметка"),
            Row(L(11, 15), "Альфа", "Звонок", "Иван", "сделано", "обсудили цену"),
            Row(L(12, 1, 10), "Альфа", "Звонок", "Иван", "запланировано", "прислать КП"),
        }, o => o.WithStrictOrdering());
        payments.Should().BeEquivalentTo(new[]
        {
            Row("Дата", "Сделка", "Клиент", "Сумма", "Менеджер"),
            Row(L(11, 25), (double)_d1, "Альфа", 40_000d, "Иван"),
        }, o => o.WithStrictOrdering());
        deals.Skip(1).Select(r => r[1]).Should().Equal("Альфа", "Бета");
        foreach (var cell in touches.Concat(payments).Concat(deals).SelectMany(r => r))
        {
            cell.Should().NotBe("Дельта").And.NotBe("Пётр").And.NotBe("секрет Петра");
        }
    }

    [DatabaseFact]
    public async Task A_head_sees_everyones_payments_and_touches()
    {
        Xlsx(await FileAsync(_head, "/export payments")).Skip(1).Should().BeEquivalentTo(new[]
        {
            Row(L(11, 21), (double)_d3, "Дельта", 80_000d, "Пётр"),
            Row(L(11, 25), (double)_d1, "Альфа", 40_000d, "Иван"),
        }, o => o.WithStrictOrdering());
        Xlsx(await FileAsync(_head, "/export touches")).Skip(1).Select(r => r[5]).Should().Equal("обсудили цену", "секрет Петра", "прислать КП");
    }

    [DatabaseFact]
    public async Task Naming_another_manager_is_refused_to_a_manager_and_sends_no_file()
    {
        var said = await As(_ivan).LastAsync("/export сделки Пётр");

        said.Text.Should().Be("🔒 Менеджер выгружает только своё. Ваши данные: /export без имени.");
        (await DocumentsAsync(_ivan)).Should().Be(0);
        (await _w.DbAsync(db => db.Audit.Where(a => a.Action == AuditActions.AccessDenied).Select(a => a.Subject).ToListAsync()))
            .Should().Equal("export deals");
    }

    [DatabaseFact]
    public async Task A_head_narrows_by_manager_period_and_segment()
    {
        var petr = await FileAsync(_head, "/export сделки Пётр");
        var november = await FileAsync(_head, "/export сделки ноябрь");
        var wholesale = await FileAsync(_head, "/export клиенты #опт");

        Xlsx(petr).Skip(1).Select(r => r[1]).Should().Equal("Дельта");
        petr.CaptionHtml.Should().Be("📤 <b>Сделки</b>: 1 строка — за всё время, Пётр");
        november.FileName.Should().Be("deals-2026-11.xlsx");
        november.CaptionHtml.Should().Be("📤 <b>Сделки</b>: 2 строки — ноябрь 2026");
        Xlsx(november).Skip(1).Select(r => r[1]).Should().Equal("Альфа", "Дельта");
        Xlsx(wholesale).Skip(1).Select(r => r[1]).Should().Equal("Альфа");
        wholesale.CaptionHtml.Should().Be("📤 <b>Клиенты</b>: 1 строка — за всё время, #Опт");
    }

    [DatabaseFact]
    public async Task Csv_read_back_with_csvhelper_equals_the_data_with_a_bom_and_semicolons()
    {
        var file = await FileAsync(_head, "/export payments november csv");

        file.FileName.Should().Be("payments-2026-11.csv");
        file.Content.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        file.CaptionHtml.Should().Contain("CSV");
        Csv(await FileAsync(_head, "/export оплаты csv")).Should().BeEquivalentTo(new[]
        {
            new[] { "Дата", "Сделка", "Клиент", "Сумма", "Менеджер" },
            new[] { "2026-11-21 12:00", _d3.ToString(CultureInfo.InvariantCulture), "Дельта", "80000", "Пётр" },
            new[] { "2026-11-25 12:00", _d1.ToString(CultureInfo.InvariantCulture), "Альфа", "40000", "Иван" },
        }, o => o.WithStrictOrdering());
        var clients = Csv(await FileAsync(_ivan, "/export клиенты csv"));
        clients.Skip(1).Select(r => r[1]).Should().Equal(["Альфа", "Бета", .. FormulaNames.Select(n => "'" + n)]);
        clients[1][2].Should().Be("+79001234567", "a phone alone can run nothing, so it is written as it is");
        clients[1][12].Should().Be("40000");
    }

    [DatabaseFact]
    public async Task An_empty_result_says_so_and_sends_no_file()
    {
        var said = await As(_head).LastAsync("/export оплаты прошлый год");

        said.Text.Should().Be("📭 Выгружать нечего: оплаты — 2025 год — не найдено.");
        (await DocumentsAsync(_head)).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Bare_export_offers_the_kinds_then_the_periods_and_the_buttons_send_the_file()
    {
        var head = As(_head);

        var kinds = await head.LastAsync("/export");
        kinds.CallbackData.Should().Equal("ex:k:clients", "ex:k:deals", "ex:k:touches", "ex:k:payments");
        kinds.Labels.Should().Equal("Клиенты", "Сделки", "Касания", "Оплаты");

        var periods = (await head.TapAsync("ex:k:deals"))[^1];
        periods.Text.Should().StartWith("📤 Сделки: за какой период?");
        periods.CallbackData.Should().Equal("ex:r:deals:M20261101", "ex:r:deals:M20261001", "ex:r:deals:A");
        periods.Labels.Should().Equal("Этот месяц", "Прошлый месяц", "За всё время");

        await head.TapAsync("ex:r:deals:M20261001");
        await _w.App.Api.WaitForAsync(c => c.Any(x => x.Method == "sendDocument" && x.Ok && x.ChatId == _head.ChatId), because: "the file is sent");
        var file = _w.App.Api.DocumentsTo(_head.ChatId).Single();
        file.FileName.Should().Be("deals-2026-10.xlsx");
        Xlsx(file).Skip(1).Select(r => r[1]).Should().Equal("Бета");
    }

    [DatabaseFact]
    public async Task An_unknown_kind_gets_the_kind_buttons_instead_of_an_error()
    {
        var said = await As(_head).LastAsync("/export счета");

        said.Text.Should().Be("Не знаю, что выгрузить как «счета». Выберите:");
        said.CallbackData.Should().HaveCount(4);
    }

    [DatabaseFact]
    public async Task An_english_user_gets_english_headers_statuses_and_built_in_names()
    {
        var file = await FileAsync(_english, "/export deals");

        file.CaptionHtml.Should().Be("📤 <b>Deals</b>: 3 rows — all time");
        var rows = Xlsx(file);
        rows[0].Should().Equal("No.", "Client", "Title", "Amount", "Pipeline", "Stage", "Status", "Manager", "Opened", "Closed", "Lost reason", "Expected close");
        rows[1][4..7].Should().Equal("Sales", "Qualification", "open");
        rows[2][10].Should().Be("Price");
    }

    [DatabaseFact]
    public async Task Every_export_is_audited_with_who_what_and_how_many_rows()
    {
        await FileAsync(_ivan, "/export сделки ноябрь");
        await As(_head).SayAsync("/export оплаты прошлый год");

        var audit = await _w.DbAsync(db => db.Audit.Where(a => a.Action == AuditActions.DataExported).OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => (a.ActorUserId, a.Subject, a.After)).Should().Equal(((long?)_ivan.Id, "deals-2026-11.xlsx", "1"), ((long?)_head.Id, "payments-2025.xlsx", "0"));
    }
}

public sealed class ExportTestsOnSqlite() : ExportTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ExportTestsOnPostgres() : ExportTests(TestDatabase.Postgres());

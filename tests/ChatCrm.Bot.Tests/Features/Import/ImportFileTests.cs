using System.Security.Cryptography;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Features.Import.ImportTestFiles;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>A head sends a spreadsheet as a Telegram document; the real host downloads it from the fake Bot API and shows the preview.</summary>
public abstract class ImportFileTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly string[] Clients =
    [
        "Название;Телефон;E-mail;Город;ИНН",
        "ООО «Ромашка»;+7 900 123-45-67;info@romashka.ru;Москва;7700000001",
        "ИП Ёлкин;8 901 000-00-01;;Санкт-Петербург;",
        "Василёк;;vasilek@mail.ru;Казань;",
        "Лютик;+7 902 000-00-02;;Москва;",
    ];

    private ChatCrmApp _app = null!;
    private Chat _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _admin = Chat.Admin(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseFact]
    public async Task A_csv_in_utf8_is_downloaded_through_getFile_and_previewed_with_its_mapping()
    {
        var content = Csv(Clients);

        var said = await _admin.SendDocumentAsync(content, "база.csv");

        var preview = said.Should().ContainSingle().Subject;
        preview.Plain.Should().Contain("📥 <b>база.csv</b> — 4 строки с клиентами.")
            .And.Contain("1. Название → <b>название</b>\n     ООО «Ромашка» · ИП Ёлкин · Василёк")
            .And.Contain("2. Телефон → <b>телефон</b>\n     +7 900 123-45-67 · 8 901 000-00-01")
            .And.Contain("3. E-mail → <b>e-mail</b>")
            .And.Contain("4. Город → <b>город</b>\n     Москва · Санкт-Петербург · Казань")
            .And.Contain("5. ИНН → <i>не загружаю</i>");
        preview.Labels.Should().Equal("1. Название", "2. Телефон", "3. E-mail", "4. Город", "5. ИНН", "✅ Продолжить", "✖️ Отмена");
        preview.CallbackData.Should().OnlyContain(d => d.StartsWith("imp:", StringComparison.Ordinal) && d.Length <= 64);

        var import = await _app.QueryAsync(db => db.Imports.SingleAsync());
        import.Status.Should().Be(ImportStatus.Preview);
        import.FileName.Should().Be("база.csv");
        import.Content.Should().Equal(content);
        import.ContentHash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        import.Mapping.Should().Be("[\"Name\",\"Phone\",\"Email\",\"City\",\"Skip\"]");
        import.RowsTotal.Should().Be(4);
        import.UserId.Should().Be(await _admin.UserIdAsync());
        _app.Api.Calls.Should().Contain(c => c.Method == "getFile" && c.Ok).And.Contain(c => c.Method == "file" && c.Ok);
        (await _app.CountAsync<Client>()).Should().Be(0, "the preview imports nothing");
    }

    [DatabaseFact]
    public async Task A_csv_in_windows_1251_and_one_with_a_bom_read_as_the_same_cyrillic()
    {
        var fromWindows = (await _admin.SendDocumentAsync(Csv(Clients, Windows1251), "excel.csv"))[^1].Plain;
        var fromBom = (await _admin.SendDocumentAsync(Csv(Clients, bom: true), "bom.csv"))[^1].Plain;

        fromWindows.Should().Contain("1. Название → <b>название</b>\n     ООО «Ромашка» · ИП Ёлкин · Василёк");
        fromBom.Should().Contain("1. Название → <b>название</b>\n     ООО «Ромашка» · ИП Ёлкин · Василёк");
    }

    [DatabaseFact]
    public async Task A_comma_separated_csv_with_quoted_fields_is_previewed()
    {
        var csv = Csv(["Company,Phone,Comment", "\"Acme, Ltd\",+44 20 7946 0958,\"Wants a call, «soon»\"", "Beta,,"]);

        var preview = (await _admin.SendDocumentAsync(csv, "export.csv"))[^1];

        preview.Plain.Should().Contain("1. Company → <b>название</b>\n     Acme, Ltd · Beta")
            .And.Contain("3. Comment → <b>примечание</b>\n     Wants a call, «soon»");
    }

    [DatabaseFact]
    public async Task An_xlsx_with_duplicates_bad_rows_and_formula_cells_is_previewed_and_its_bad_rows_are_rejected_at_reading()
    {
        var xlsx = Xlsx([
            Row("ООО Альфа", 79001234567L, "alpha@example.ru", new DateTime(2026, 1, 15), 150000m),
            Row("ООО Альфа", 79001234567L, "alpha@example.ru", new DateTime(2026, 2, 1), null),
            Row("=HYPERLINK(\"http://evil.example\",\"Бета\")", null, null, null, null),
            Row("Гамма", "12345", null, null, null),
            Row(null, 79002223344L, null, null, null),
            Row("Дельта", "+7 903 000-00-03", "@evil", null, null),
        ]);

        var preview = (await _admin.SendDocumentAsync(xlsx, "crm.xlsx"))[^1];

        preview.Plain.Should().Contain("📥 <b>crm.xlsx</b> — 6 строк с клиентами.")
            .And.Contain("2. Телефон → <b>телефон</b>\n     79001234567 · 79001234567")
            .And.Contain("4. Последний контакт → <b>последний контакт</b>\n     15.01.2026 · 01.02.2026")
            .And.NotContain("E+", "a phone stored as a number is shown as its digits");
        var import = await _app.QueryAsync(db => db.Imports.SingleAsync());
        var sheet = SpreadsheetFiles.Read(import.Content, import.FileName);
        var reads = Enumerable.Range(0, sheet.Rows.Count).Select(i => ImportRows.Read(sheet, i, ImportMapping.FromJson(import.Mapping))).ToList();
        reads.Select(r => r.Rejection?.Kind).Should().Equal(null, null, ImportRejectionKind.FormulaCell, ImportRejectionKind.BadPhone,
            ImportRejectionKind.NoName, ImportRejectionKind.FormulaCell);
        reads[0].Row!.Phones.Should().Equal("+79001234567");
        reads[0].Row!.LastContact.Should().Be(new DateOnly(2026, 1, 15));
        reads[0].Row!.DealAmount.Should().Be(150000m);
    }

    [DatabaseFact]
    public async Task A_column_tapped_offers_the_meanings_and_the_choice_redraws_the_preview()
    {
        var preview = (await _admin.SendDocumentAsync(Csv(Clients), "база.csv"))[^1];

        var choice = (await _admin.TapAsync(preview.Button("5. ИНН")))[^1];

        choice.Redrawn.Should().BeTrue();
        choice.Plain.Should().Be("Что в колонке 5 «ИНН»?\nНапример: 7700000001");
        choice.Labels.Should().Equal("название", "телефон", "e-mail", "сегмент", "ответственный", "город", "контактное лицо", "примечание",
            "сумма сделки", "этап сделки", "последний контакт", "• пропустить", "← Назад");

        var redrawn = (await _admin.TapAsync(choice.Button("примечание")))[^1];

        redrawn.Redrawn.Should().BeTrue();
        redrawn.Plain.Should().Contain("5. ИНН → <b>примечание</b>\n     7700000001");
        redrawn.Labels.Should().Contain("✅ Продолжить");
        (await _app.QueryAsync(db => db.Imports.SingleAsync())).Mapping.Should().Be("[\"Name\",\"Phone\",\"Email\",\"City\",\"Note\"]");
    }

    [DatabaseFact]
    public async Task Continue_without_a_name_column_is_refused_and_the_preview_stays()
    {
        var preview = (await _admin.SendDocumentAsync(Csv(Clients), "база.csv"))[^1];
        var choice = (await _admin.TapAsync(preview.Button("1. Название")))[^1];
        var redrawn = (await _admin.TapAsync(choice.Button("пропустить")))[^1];
        redrawn.Plain.Should().Contain("1. Название → <i>не загружаю</i>");

        var refusal = (await _admin.TapAsync(redrawn.Button("Продолжить")))[^1];

        refusal.Text.Should().Be("Без колонки с названием клиента загрузить нельзя. Нажмите номер колонки, где названия, и выберите «название».");
        (await _app.QueryAsync(db => db.Imports.SingleAsync())).Status.Should().Be(ImportStatus.Preview);
    }

    [DatabaseFact]
    public async Task Continue_confirms_the_mapping_and_hands_the_import_to_its_questions()
    {
        var preview = (await _admin.SendDocumentAsync(Csv(Clients), "база.csv"))[^1];

        var confirmed = (await _admin.TapAsync(preview.Button("Продолжить"))).First(s => s.Redrawn);

        confirmed.Plain.Should().Contain("1. Название → <b>название</b>").And.EndWith("✅ Колонки <b>база.csv</b> подтверждены.");
        confirmed.Buttons.Should().BeEmpty();
        (await _app.QueryAsync(db => db.Imports.SingleAsync())).Status.Should().Be(ImportStatus.Questions);
    }

    [DatabaseFact]
    public async Task Cancel_drops_the_import_and_its_old_buttons_then_say_so()
    {
        var preview = (await _admin.SendDocumentAsync(Csv(Clients), "база.csv"))[^1];

        var cancelled = (await _admin.TapAsync(preview.Button("Отмена")))[^1];
        await _admin.TapUntilAnsweredAsync(preview.Button("1. Название"));

        cancelled.Plain.Should().Be("✖️ Загрузка <b>база.csv</b> отменена, ничего не изменено.");
        var import = await _app.QueryAsync(db => db.Imports.SingleAsync());
        import.Status.Should().Be(ImportStatus.Cancelled);
        import.Content.Should().BeEmpty();
        await ToastAsync("Эта загрузка уже отменена или подтверждена.");
    }

    [DatabaseFact]
    public async Task Only_the_sender_may_press_the_preview_buttons()
    {
        var olga = await Chat.JoinAsync(_app, 3101, "head", name: "Ольга");
        var preview = (await _admin.SendDocumentAsync(Csv(Clients), "база.csv"))[^1];

        await olga.TapUntilAnsweredAsync(preview.Button("Отмена"));

        await ToastAsync("Это превью чужого файла: кнопки — у того, кто его прислал.");
        (await _app.QueryAsync(db => db.Imports.SingleAsync())).Status.Should().Be(ImportStatus.Preview);
    }

    [DatabaseFact]
    public async Task A_manager_sending_a_file_is_refused_audited_and_nothing_is_downloaded_or_stored()
    {
        var ivan = await Chat.JoinAsync(_app, 3201, "manager", name: "Иван");

        var said = await ivan.SendDocumentAsync(Csv(Clients), "база.csv");

        said.Should().ContainSingle().Which.Text.Should().Be("⛔ Загружать базу из файла могут только руководитель и админ. Клиента добавьте командой /client.");
        (await _app.CountAsync<ClientImport>()).Should().Be(0);
        _app.Api.Calls.Should().NotContain(c => c.Method == "getFile");
        var denied = await _app.QueryAsync(db => db.Audit.Where(a => a.Action == AuditActions.AccessDenied).ToListAsync());
        denied.Should().ContainSingle().Which.Subject.Should().Be("/import");
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "photo", "photo.xlsx", "📄 Это не таблица: ни Excel (.xlsx), ни CSV не читается. Сохраните список как .xlsx или CSV и пришлите снова." },
        { "empty", "empty.csv", "📄 Файл пустой: в нём нет ни строки. Пришлите таблицу клиентов: первая строка — заголовки, дальше по клиенту в строке." },
        { "header", "header.csv", "📄 В файле только строка заголовков, клиентов нет. Добавьте строки с клиентами и пришлите снова." },
        { "no-name", "phones.csv", "📄 Не нашёл колонку с названием клиента. Назовите её «Название», «Компания», «Клиент» или «Name» и пришлите файл снова. Шаблон: /import" },
        { "xls", "old.xls", "📄 Это старый формат Excel (.xls). Откройте файл и сохраните его как «Книга Excel (.xlsx)» или CSV, затем пришлите снова." },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_clear_answer_and_changes_nothing(string kind, string fileName, string answer)
    {
        byte[] content = kind switch
        {
            "photo" => Png(),
            "empty" => [],
            "header" => Csv(["Название;Телефон"]),
            "no-name" => Csv(["Телефон;Город", "+7 900 123-45-67;Москва"]),
            _ => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        };

        var said = await _admin.SendDocumentAsync(content, fileName);

        said.Should().ContainSingle().Which.Text.Should().Be(answer);
        (await _app.CountAsync<ClientImport>()).Should().Be(0);
        (await _app.CountAsync<Client>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task A_file_over_20_mb_is_refused_by_its_size_without_a_download()
    {
        var said = await _admin.SendDocumentAsync(Csv(Clients), "huge.csv", reportedSize: 30L * 1024 * 1024);

        said.Should().ContainSingle().Which.Text.Should()
            .Be("📄 Файл весит 30 МБ, а Telegram отдаёт ботам файлы до 20 МБ. Разбейте список на части или сохраните как CSV.");
        _app.Api.Calls.Should().NotContain(c => c.Method == "getFile" || c.Method == "file");
        (await _app.CountAsync<ClientImport>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Import_explains_what_to_send_and_sends_a_template_that_reads_back_with_every_meaning()
    {
        var said = await _admin.SayAsync("/import");

        said[^1].Text.Should().StartWith("📥 <b>Загрузка базы клиентов</b>").And.Contain("Windows-1251");
        var template = (await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "sendDocument" && x.Ok), because: "the template is sent")).Count;
        template.Should().BePositive();
        var file = _app.Api.DocumentsTo(ChatCrmApp.AdminId).Should().ContainSingle().Subject;
        file.FileName.Should().Be("шаблон-импорта.xlsx");
        var sheet = SpreadsheetFiles.Read(file.Content, file.FileName);
        ImportColumns.Detect(sheet.Headers).Should().Equal(ImportField.Name, ImportField.Phone, ImportField.Email, ImportField.Segment, ImportField.Owner,
            ImportField.City, ImportField.ContactPerson, ImportField.Note, ImportField.DealAmount, ImportField.DealStage, ImportField.LastContact);
        ImportRows.Read(sheet, 0, ImportColumns.Detect(sheet.Headers)).IsRejected.Should().BeFalse();
    }

    [DatabaseFact]
    public async Task An_english_speaking_head_gets_the_preview_in_english()
    {
        var ann = await Chat.JoinAsync(_app, 3301, "head", name: "Ann", language: "en");

        var preview = (await ann.SendDocumentAsync(Csv(["Company;Phone", "Acme;+44 20 7946 0958"]), "list.csv"))[^1];

        preview.Plain.Should().Contain("📥 <b>list.csv</b> — 1 row of clients.").And.Contain("1. Company → <b>name</b>");
        preview.Labels.Should().Contain(["✅ Continue", "✖️ Cancel"]);
    }

    /// <summary>The tap's toast; the answer to an earlier tap may arrive after it, so it is waited for by its text.</summary>
    private Task ToastAsync(string text) =>
        _app.Api.WaitForAsync(c => c.Any(x => x.Method == "answerCallbackQuery" && x.Body["text"]?.GetValue<string>() == text), because: $"the toast «{text}»");

    private static Dictionary<string, object?> Row(string? name, object? phone, string? email, DateTime? lastContact, decimal? amount) => new()
    {
        ["Компания"] = name,
        ["Телефон"] = phone,
        ["Почта"] = email,
        ["Последний контакт"] = lastContact,
        ["Сумма сделки"] = amount,
    };
}

public sealed class ImportFileTestsOnSqlite() : ImportFileTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ImportFileTestsOnPostgres() : ImportFileTests(TestDatabase.Postgres());

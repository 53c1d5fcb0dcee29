using System.Text.Json;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>After the preview: the duplicate classes, owners and segments asked once, the run, the report and the rejected rows.</summary>
public abstract class ImportRunTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly string[] Rows =
    [
        "Лютик;+7 900 000-00-01;;Опт;Иван;Казань;Анна Петрова;любит звонки;150000;Предложение;2026-11-20",
        "Ромашка центр;8 900 123-45-67;info@romashka.ru;;Иван;Самара;;;;;",
        "Василёк;;vas@example.com;Розница;Вася;;;;;;",
        "Лютик 2;+79000000001;lutik@example.com;;;;;;;;",
        "Клён;+7 900 000-00-05;;;;;;;;;",
        ";+7 900 000-00-06;;;;;;;;;",
        "=1+2;+7 900 000-00-07;;;;;;;;;",
    ];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private ChatCrmApp _app = null!;
    private Chat _head = null!;
    private Chat _ivan = null!;
    private Chat _petr = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock, settings: Settings());
        (_head, _ivan, _petr) = await SetUpAsync(_app);
    }

    /// <summary>Иван and Пётр, the head Ольга, the segment «Опт» and Пётр's client «Ромашка» already in the base.</summary>
    internal static async Task<(Chat Head, Chat Ivan, Chat Petr)> SetUpAsync(ChatCrmApp app)
    {
        var ivan = await Chat.JoinAsync(app, 2002, name: "Иван");
        var petr = await Chat.JoinAsync(app, 2003, name: "Пётр");
        var head = await Chat.JoinAsync(app, 2005, role: "head", name: "Ольга");
        await Seed.SegmentAsync(app, "Опт");
        await Seed.ClientAsync(app, "Ромашка", await petr.UserIdAsync(), phone: "+79001234567");
        return (head, ivan, petr);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    /// <summary>Small batches, so even these files run in several transactions.</summary>
    internal static Dictionary<string, string?> Settings(bool worker = true) => new()
    {
        ["Import:BatchSize"] = "2",
        ["Import:Worker"] = worker ? "true" : "false",
    };

    [DatabaseFact]
    public Task A_file_goes_from_the_questions_to_the_report_with_owners_pool_segments_merges_and_rejected_rows() =>
        WholeFileAsync(_app, _head, _ivan, _petr);

    /// <summary>The whole conversation and what it writes; the PostgreSQL tests run it too.</summary>
    internal static async Task WholeFileAsync(ChatCrmApp app, Chat head, Chat ivan, Chat petr)
    {
        var ivanId = await ivan.UserIdAsync();
        var petrId = await petr.UserIdAsync();

        var duplicates = await ImportDriver.ConfirmPreviewAsync(app, head, ImportDriver.Csv(Rows));

        duplicates.Plain.Should().Contain("в файле повторяются: 1").And.Contain("уже есть в базе по телефону: 1").And.NotContain("по e-mail");
        duplicates.Labels.Should().Contain("1 ✓ объединить").And.Contain("2 пропустить").And.Contain("2 создать");
        var noOwner = (await head.TapAsync(duplicates.Button("Дальше")))[^1];
        noOwner.Plain.Should().Contain("У 2 строк не указан ответственный");
        var owner = (await head.TapAsync(noOwner.Button("В пул")))[^1];
        owner.Text.Should().Contain("<b>Вася</b>").And.Contain("(1 строк");
        owner.Labels.Should().Contain("Иван").And.Contain("Пётр").And.NotContain("Ольга", "clients go to managers");
        var segment = (await head.TapAsync(owner.Button("Иван")))[^1];
        segment.Text.Should().Contain("<b>Розница</b>");
        segment.Labels.Should().Contain("Опт");
        var confirm = (await head.TapAsync(segment.Button("Создать")))[^1];
        confirm.Plain.Should().Contain("Импортировать 5 клиентов: 2 объединить, 0 пропустить").And.Contain("Отклонено строк: 2");
        (await app.CountAsync<Client>()).Should().Be(1, "nothing is written before the start");
        (await app.QueryAsync(db => db.Segments.AnyAsync(s => s.Name == "Розница"))).Should().BeFalse();

        var started = await head.TapAsync(confirm.Button("Начать"));
        started.Should().Contain(s => s.Plain.Contains("Импорт: 0 / 7"));
        var import = await ImportDriver.WaitDoneAsync(app);

        (await ImportDriver.ReportAsync(app, head)).Should().Contain("создано 3, объединено 2, пропущено 0, отклонено 2")
            .And.Contain("последнее касание");
        (import.Created, import.Merged, import.Skipped, import.Rejected, import.RowsDone).Should().Be((3, 2, 0, 2, 7));
        var clients = await app.QueryAsync(db => db.Clients.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        clients.Select(c => c.Name).Should().Equal("Ромашка", "Лютик", "Василёк", "Клён");
        var romashka = clients[0];
        (romashka.OwnerUserId, romashka.Phones, romashka.Emails, romashka.City).Should().Be((petrId, "+79001234567", "info@romashka.ru", "Самара"),
            "a merge adds what is missing and never changes the owner");
        var lutik = clients[1];
        (lutik.OwnerUserId, lutik.Phones, lutik.Emails, lutik.City, lutik.Note).Should().Be((ivanId, "+79000000001", "lutik@example.com", "Казань", "любит звонки"));
        lutik.LastTouchAt.Should().Be(new DateTime(2026, 11, 19, 21, 0, 0), "the day's start in the importer's Moscow zone");
        var segments = await app.QueryAsync(db => db.Segments.ToDictionaryAsync(s => s.Id, s => s.Name));
        segments[lutik.SegmentId!.Value].Should().Be("Опт");
        segments[clients[2].SegmentId!.Value].Should().Be("Розница");
        clients[2].OwnerUserId.Should().Be(ivanId, "Вася's clients were given to Иван");
        clients[3].OwnerUserId.Should().BeNull("a row without an owner goes to the pool");
        (await app.QueryAsync(db => db.ContactPeople.Where(p => p.ClientId == lutik.Id).Select(p => p.Name).ToListAsync())).Should().Equal("Анна Петрова");
        var deal = await app.QueryAsync(db => db.Deals.SingleAsync());
        (deal.ClientId, deal.Amount, deal.OwnerUserId).Should().Be((lutik.Id, 150000m, ivanId));
        (await app.QueryAsync(db => db.Stages.SingleAsync(s => s.Id == deal.StageId))).Name.Should().Be("Предложение");
        (await app.QueryAsync(db => db.ClientSearchKeys.AnyAsync(k => k.ClientId == lutik.Id && k.Value == "lutik@example.com"))).Should().BeTrue("search finds it");
        (await app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == ImportRun.AuditAction))).Should().Be(1, "one audit entry per import");

        // What the people see of the written rows: the manager's card with the deal, found by the phone's last digits.
        var card = await ivan.LastAsync("/card 0001");
        card.Plain.Should().Contain("Лютик").And.Contain("150 000").And.Contain("Предложение").And.Contain("Анна Петрова");
        (await ivan.LastAsync("/clients Клён")).Plain.Should().Contain("никого не нашёл", "a pool client is no manager's");
        (await head.LastAsync("/pool")).Plain.Should().Contain("Клён");

        var rejected = await RejectedAsync(app, head);
        rejected.Select(r => r["Строка"]).Should().Equal(7.0, 8.0);
        rejected[1]["Name"].Should().Be("'=1+2", "a formula comes back as text");
        rejected.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r["Причина"] as string));
        rejected[0]["Phone"].Should().Be("'+7 900 000-00-06", "the original cells come back, neutralised: a leading + is a formula to Excel");
    }

    [DatabaseFact]
    public async Task Each_class_follows_its_own_answer_skip_or_create_anyway()
    {
        var duplicates = await ImportDriver.ConfirmPreviewAsync(_app, _head, ImportDriver.Csv(Rows[..5]));

        duplicates = (await _head.TapAsync(duplicates.Button("1 создать")))[^1];
        duplicates.Labels.Should().Contain("1 ✓ создать");
        duplicates = (await _head.TapAsync(duplicates.Button("2 пропустить")))[^1];
        duplicates.Plain.Should().Contain("в файле повторяются: 1 — создать").And.Contain("по телефону: 1 — пропустить");
        var confirm = await ImportDriver.AcceptDefaultsAsync(_head, (await _head.TapAsync(duplicates.Button("Дальше")))[^1]);
        confirm.Plain.Should().Contain("Импортировать 5 клиентов: 0 объединить, 1 пропустить");
        await _head.TapAsync(confirm.Button("Начать"));
        await ImportDriver.WaitDoneAsync(_app);

        (await ImportDriver.ReportAsync(_app, _head)).Should().Contain("создано 4, объединено 0, пропущено 1");
        var clients = await _app.QueryAsync(db => db.Clients.AsNoTracking().ToListAsync());
        clients.Should().HaveCount(5);
        clients.Single(c => c.Name == "Ромашка").Emails.Should().BeEmpty("the row matching it was skipped");
        clients.Count(c => c.Phones == "+79000000001").Should().Be(2, "the repeat was created anyway");
    }

    [DatabaseFact]
    public async Task Unknown_owners_and_segments_are_asked_once_however_many_rows_name_them()
    {
        var rows = Enumerable.Range(1, 6).Select(i => $"Клиент {i};;;{(i % 2 == 0 ? "Розница" : "розница ")};{(i % 2 == 0 ? "Вася" : " вася")};;;;;;").ToArray();

        var question = await ImportDriver.ConfirmPreviewAsync(_app, _head, ImportDriver.Csv(rows));
        var asked = new List<string> { question.Plain };
        while (!question.Plain.Contains("Начать?"))
        {
            question = (await _head.TapAsync(question.Buttons.Select(b => b.Data).First(d => d.EndsWith(":0", StringComparison.Ordinal))))[^1];
            asked.Add(question.Plain);
        }

        asked.Count(q => q.Contains("Ответственный")).Should().Be(1);
        asked.Count(q => q.Contains("Сегмента")).Should().Be(1);
        asked[0].Should().Contain("(6 строк)");
    }

    [DatabaseFact]
    public async Task An_imported_client_never_takes_the_id_of_a_deleted_one()
    {
        // A merged-away client's id stays in the audit and the undo entries: a new client must not answer to it.
        var gone = await Seed.ClientAsync(_app, "Удалённый", await _ivan.UserIdAsync());
        await _app.QueryAsync(db => db.Clients.Where(c => c.Id == gone).ExecuteDeleteAsync());

        await _head.TapAsync((await ImportDriver.AcceptDefaultsAsync(_head, await ImportDriver.ConfirmPreviewAsync(_app, _head, ImportDriver.Csv(Rows)))).Button("Начать"));
        var import = await ImportDriver.WaitDoneAsync(_app);

        import.Created.Should().Be(3);
        (await _app.QueryAsync(db => db.Clients.Where(c => c.Name != "Ромашка").Select(c => c.Id).ToListAsync())).Should().HaveCount(3).And.OnlyContain(id => id > gone);
    }

    [DatabaseFact]
    public async Task The_same_file_again_is_recognised_and_creates_nothing_new()
    {
        var file = ImportDriver.Csv(Rows);
        await _head.TapAsync((await ImportDriver.AcceptDefaultsAsync(_head, await ImportDriver.ConfirmPreviewAsync(_app, _head, file))).Button("Начать"));
        await ImportDriver.WaitDoneAsync(_app);
        var before = await _app.QueryAsync(db => db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Phones, c.Emails, c.OwnerUserId }).ToListAsync());
        var deals = await _app.CountAsync<Deal>();

        var again = await ImportDriver.ConfirmPreviewAsync(_app, _head, file);

        again.Plain.Should().Contain("Этот файл уже импортирован 3 декабря 2026");
        var confirm = await ImportDriver.AcceptDefaultsAsync(_head, (await _head.TapAsync(again.Button("Продолжить")))[^1]);
        confirm.Plain.Should().Contain("Импортировать 5 клиентов: 5 объединить, 0 пропустить");
        await _head.TapAsync(confirm.Button("Начать"));
        var second = await ImportDriver.WaitDoneAsync(_app);

        (second.Created, second.Merged).Should().Be((0, 5));
        (await _app.QueryAsync(db => db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Phones, c.Emails, c.OwnerUserId }).ToListAsync()))
            .Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        (await _app.CountAsync<Deal>()).Should().Be(deals, "a merge into a client with an open deal adds none");
        (await _app.CountAsync<ContactPerson>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task Cancel_at_a_question_changes_nothing()
    {
        var duplicates = await ImportDriver.ConfirmPreviewAsync(_app, _head, ImportDriver.Csv(Rows));
        var owner = (await _head.TapAsync((await _head.TapAsync(duplicates.Button("Дальше")))[^1].Button("В пул")))[^1];

        var cancelled = await _head.TapAsync(owner.Button("Отмена"));

        cancelled[^1].Text.Should().Contain("Импорт отменён, ничего не изменено");
        (await _app.QueryAsync(db => db.Imports.SingleAsync())).Status.Should().Be(ImportStatus.Cancelled);
        (await _app.CountAsync<Client>()).Should().Be(1);
        (await _app.CountAsync<Segment>()).Should().Be(1);
        var late = await _head.TapAsync(owner.Button("Иван"));
        late.Should().BeEmpty("a cancelled import's buttons do nothing");
        (await _app.CountAsync<Client>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_manager_cannot_press_a_heads_import_buttons_and_another_head_is_told_it_is_not_theirs()
    {
        var duplicates = await ImportDriver.ConfirmPreviewAsync(_app, _head, ImportDriver.Csv(Rows));
        var other = await Chat.JoinAsync(_app, 2006, role: "head", name: "Глеб");

        await _ivan.TapUntilAnsweredAsync(duplicates.Button("Дальше"));
        await other.TapUntilAnsweredAsync(duplicates.Button("Отмена"));

        var toasts = _app.Api.Calls.Where(c => c.Method == "answerCallbackQuery").Select(c => c.Body["text"]?.GetValue<string>()).ToList();
        toasts.Should().Contain(t => t != null && t.Contains("руководитель")).And.Contain("Это не ваш импорт.");
        var import = await _app.QueryAsync(db => db.Imports.SingleAsync());
        (import.Status, ImportChoices.Read(import.Choices).Step).Should().Be((ImportStatus.Questions, ImportStep.Duplicates));
    }

    private Task<List<IDictionary<string, object?>>> RejectedAsync() => RejectedAsync(_app, _head);

    private static async Task<List<IDictionary<string, object?>>> RejectedAsync(ChatCrmApp app, Chat head)
    {
        var row = await app.QueryAsync(db => db.Outbox.SingleAsync(m => m.ChatId == head.TelegramId && m.Kind == OutboxKind.Document));
        var payload = JsonSerializer.Deserialize<DocumentPayload>(row.Payload)!;
        payload.FileName.Should().Be("rejected_clients.xlsx");
        using var stream = new MemoryStream(Convert.FromBase64String(payload.ContentBase64));
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }
}

public sealed class ImportRunTestsOnSqlite() : ImportRunTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ImportRunTestsOnPostgres() : ImportRunTests(TestDatabase.Postgres());

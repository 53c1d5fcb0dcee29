using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>
/// A batch the database refuses every time (here a trigger refuses one client's row, as a constraint or a bug in the
/// data would): the worker waits longer after each failure and, at <c>Import:MaxAttempts</c>, stops the import and
/// tells the head how far it got instead of trying forever.
/// </summary>
public sealed class ImportStopTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;
    private Chat _head = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Import:BatchSize"] = "2",
            ["Import:RetryAfter"] = "00:00:00.05",
            ["Import:MaxAttempts"] = "3",
        });
        _head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга");
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_client BEFORE INSERT ON \"Clients\" WHEN NEW.\"Name\" = 'Сбой' BEGIN SELECT RAISE(ABORT, 'refused'); END;"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_batch_that_keeps_failing_stops_the_import_and_the_head_is_told_how_far_it_got()
    {
        string[] rows = ["Альфа;+7 900 000-00-01;;;;;;;;;", "Бета;+7 900 000-00-02;;;;;;;;;", "Гамма;+7 900 000-00-03;;;;;;;;;", "Сбой;+7 900 000-00-04;;;;;;;;;", "Дельта;+7 900 000-00-05;;;;;;;;;"];
        var confirm = await ImportDriver.AcceptDefaultsAsync(_head, await ImportDriver.ConfirmPreviewAsync(_app, _head, ImportDriver.Csv(rows)));
        await _head.TapAsync(confirm.Button("Начать"));

        await _app.Api.WaitForAsync(c => c.Any(x => x.Ok && x.ChatId == _head.TelegramId && x.Text?.Contains("Импорт остановлен") == true),
            TimeSpan.FromSeconds(30), "the head is told the import stopped");

        var import = await _app.QueryAsync(db => db.Imports.AsNoTracking().SingleAsync());
        (import.Status, import.RowsDone, import.Created).Should().Be((ImportStatus.Failed, 2, 2), "the first batch is kept, the refused one is not half-written");
        (await _app.QueryAsync(db => db.Clients.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync())).Should().Equal("Альфа", "Бета");
        var told = (await ImportDriver.SaidSinceAsync(_app, _head, 0)).Last(s => s.Text.Contains("Импорт остановлен", StringComparison.Ordinal)).Plain;
        told.Should().Contain("после 2 из 5 строк").And.Contain("создано 2").And.Contain("Пришлите файл ещё раз");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == ImportRun.StoppedAuditAction))).Should().Be(1);

        // Nothing more happens: the worker does not go back to a stopped import.
        var calls = _app.Api.Calls.Count;
        await Task.Delay(500);
        (await _app.QueryAsync(db => db.Imports.AsNoTracking().SingleAsync())).Status.Should().Be(ImportStatus.Failed);
        (await _app.CountAsync<Client>()).Should().Be(2);
        _app.Api.Calls.Skip(calls).Should().NotContain(c => c.Text != null && c.Text.Contains("Импорт"), "no progress or second notice after the stop");
    }
}

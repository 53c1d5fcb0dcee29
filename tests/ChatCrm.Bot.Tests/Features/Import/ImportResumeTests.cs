using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>The run's batches driven by hand (the worker is off), with a restart between them.</summary>
public sealed class ImportResumeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private ChatCrmApp _app = null!;
    private Chat _head = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(clock: _clock, settings: new Dictionary<string, string?>
        {
            ["Import:BatchSize"] = "2",
            ["Import:Worker"] = "false",
            ["Import:ProgressEvery"] = "00:00:00",
        });
        _head = await Chat.JoinAsync(_app, 2005, role: "head", name: "Ольга");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_restart_between_batches_goes_on_after_the_last_committed_one_without_doubling()
    {
        var rows = Enumerable.Range(1, 7).Select(i => $"Клиент {i};+7 900 000-00-{i:00};;;;;;;;;").Append("Клиент 1;+7 900 000-00-01;;;;;;;;;").ToArray();
        var confirm = await ImportDriver.AcceptDefaultsAsync(_head, await ImportDriver.ConfirmPreviewAsync(_app, _head, ImportDriver.Csv(rows)));
        await _head.TapAsync(confirm.Button("Начать"));
        var id = await _app.QueryAsync(db => db.Imports.Select(i => i.Id).SingleAsync());
        await _app.Api.WaitForAsync(c => c.Any(x => x.Ok && x.Method == "sendMessage" && x.Text?.Contains("Импорт: 0 / 8") == true), because: "the progress message is out");
        // The run edits the message by the id Telegram gave it, which the sender stores a moment after Telegram's answer.
        await ProgressMessageStoredAsync(id);

        (await BatchAsync(id)).Should().BeTrue();
        (await _app.QueryAsync(db => db.Imports.SingleAsync())).RowsDone.Should().Be(2);
        (await _app.CountAsync<Client>()).Should().Be(2);
        var edit = await _app.QueryAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.EditMessage && m.DedupKey!.StartsWith("import:")).OrderBy(m => m.Id).ToListAsync());
        edit.Should().ContainSingle().Which.Payload.Should().Contain("Импорт: 2 / 8");

        _app = await _app.RestartAsync();
        while (await BatchAsync(id))
        {
        }

        var import = await _app.QueryAsync(db => db.Imports.SingleAsync());
        (import.Status, import.RowsDone, import.Created, import.Merged).Should().Be((ImportStatus.Done, 8, 7, 1));
        var names = await _app.QueryAsync(db => db.Clients.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
        names.Should().Equal(Enumerable.Range(1, 7).Select(i => $"Клиент {i}"), "each row once, the repeat merged");
        (await _app.QueryAsync(db => db.ClientSearchKeys.CountAsync(k => k.Kind == Core.Matching.ClientKeyKind.PhoneTail))).Should().Be(7);
    }

    private Task ProgressMessageStoredAsync(long importId) =>
        Eventually.HoldsAsync(async () => await _app.QueryAsync(db => db.Imports.Where(i => i.Id == importId)
                .Select(i => db.Outbox.Where(m => m.Id == i.ProgressOutboxId).Select(m => m.TelegramMessageId).FirstOrDefault())
                .SingleAsync()) is not null,
            TimeSpan.FromSeconds(25), "the sender to store the progress message's Telegram id once it is sent");

    private async Task<bool> BatchAsync(long id)
    {
        var more = false;
        await _app.ExecuteAsync(async (IServiceProvider sp) => more = await sp.GetRequiredService<ImportRun>().RunBatchAsync(id, CancellationToken.None));
        return more;
    }
}

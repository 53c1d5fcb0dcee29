using ChatCrm.Bot.Tests.Features.Import;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// The import on PostgreSQL: its batches write many rows to a statement with ids from the tables' sequences
/// (<c>BulkInsert</c>), so the whole conversation runs here too, and what it wrote must read back as on SQLite.
/// </summary>
[Postgres]
public sealed class PostgresImportTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private ChatCrmApp? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await _database.DropAsync();
        }
    }

    [PostgresFact]
    public async Task A_file_goes_from_the_questions_to_the_report_with_owners_pool_segments_merges_and_rejected_rows()
    {
        var settings = new Dictionary<string, string?>(_database.Settings);
        foreach (var (key, value) in ImportRunTests.Settings())
        {
            settings[key] = value;
        }

        _app = await ChatCrmApp.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)), settings: settings);
        var (head, ivan, petr) = await ImportRunTests.SetUpAsync(_app);

        await ImportRunTests.WholeFileAsync(_app, head, ivan, petr);
    }

    [PostgresFact]
    public async Task Rows_written_in_bulk_are_stored_exactly_as_ef_stores_them()
    {
        _app = await ChatCrmApp.StartAsync(settings: _database.Settings);

        await BulkInsertTests.SameAsEfAsync(_app);
    }
}

using ChatCrm.Bot.Tests.Features.Import;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// The import on PostgreSQL: its batches write many rows to a statement with ids from the tables' sequences
/// (<c>BulkInsert</c>), and what it wrote must read back as EF stores it. The whole conversation runs here in
/// <see cref="ImportRunTestsOnPostgres"/>.
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
    public async Task Rows_written_in_bulk_are_stored_exactly_as_ef_stores_them()
    {
        _app = await ChatCrmApp.StartAsync(settings: _database.Settings);

        await BulkInsertTests.SameAsEfAsync(_app);
    }
}

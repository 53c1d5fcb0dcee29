using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Records;

/// <summary>
/// Where every client-records test (/card, /edit, /person, /history, /merge and their /undo) starts: a fresh app with
/// the clock stopped at <see cref="Now"/> and Ivan, a manager, joined in his own chat.
/// </summary>
public abstract class RecordsTest : IAsyncLifetime
{
    private readonly TestDatabase _database;

    protected RecordsTest()
        : this(TestDatabase.Sqlite())
    {
    }

    /// <summary>The same world on the given database (<see cref="TestDatabase"/>).</summary>
    protected RecordsTest(TestDatabase database) => _database = database;

    /// <summary>Thursday 3 December 2026, 09:00 UTC (12:00 in Moscow, the users' zone).</summary>
    protected static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    protected FakeTimeProvider Clock { get; } = new(Now);
    protected ChatCrmApp App { get; private set; } = null!;
    protected Chat Ivan { get; private set; } = null!;
    protected long IvanId { get; private set; }

    public virtual async Task InitializeAsync()
    {
        App = await ChatCrmApp.StartAsync(clock: Clock, database: _database);
        Ivan = await Chat.JoinAsync(App, 2002);
        IvanId = await Ivan.UserIdAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DropAsync();
    }
}

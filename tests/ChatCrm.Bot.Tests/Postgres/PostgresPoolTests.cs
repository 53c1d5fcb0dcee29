using ChatCrm.Bot.Tests.Features.Pool;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>The pool's claim on PostgreSQL: two transactions racing the same conditional update, one wins each client.</summary>
[Postgres]
public sealed class PostgresPoolTests : IAsyncLifetime
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
    public async Task Two_transactions_racing_the_claim_give_each_client_one_owner()
    {
        _app = await ChatCrmApp.StartAsync(settings: _database.Settings);
        var ivan = await Chat.JoinAsync(_app, 4002, name: "Иван");
        var petr = await Chat.JoinAsync(_app, 4003, name: "Пётр");

        await PoolTests.RaceAsync(_app, ivan, petr);
    }
}

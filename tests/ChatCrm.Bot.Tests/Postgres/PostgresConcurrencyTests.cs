using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// Two instances changing the same deal at once on PostgreSQL: the row's version (xmin) makes the later save fail
/// instead of overwriting the other's change; the update then runs again on the fresh row, and a second clash is
/// answered clearly. Nothing is lost silently either way.
/// </summary>
[Postgres]
public sealed class PostgresConcurrencyTests : IAsyncLifetime
{
    private const long Boris = 3001;
    private readonly PostgresDatabase _database = new();
    private readonly OtherInstance _other = new();
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

    private async Task<(Chat Boris, long Deal)> StartAsync()
    {
        _app = await ChatCrmApp.StartAsync(settings: _database.Settings,
            services: s => s.AddSingleton<ISaveChangesInterceptor>(_other));
        _other.ConnectionString = _database.Settings["ConnectionStrings:ChatCrm"]!;
        await _app.WithoutScenariosAsync();
        var boris = await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        var borisId = await _app.UserIdAsync(Boris);
        var deal = await Seed.DealAsync(_app, await Seed.ClientAsync(_app, "Ромашка", borisId), borisId, "Квалификация", 100_000m);
        return (boris, deal);
    }

    [PostgresFact]
    public async Task A_move_that_meets_another_instances_change_runs_again_and_keeps_both()
    {
        var (boris, deal) = await StartAsync();
        _other.Clashes = 1;

        var reply = await boris.LastAsync($"/move {deal} Предложение");

        reply.Text.Should().Contain($"Сделка #{deal}").And.Contain("→ «Предложение»");
        var stored = await _app!.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == deal));
        stored.Title.Should().EndWith("(изменено другим)", "the other instance's change is kept");
        (await _app.QueryAsync(db => db.Stages.Where(s => s.Id == stored.StageId).Select(s => s.Name).SingleAsync())).Should().Be("Предложение");
        (await _app.QueryAsync(db => db.StageChanges.CountAsync(c => c.DealId == deal && c.Kind == StageChangeKind.Moved)))
            .Should().Be(1, "the first attempt left nothing behind");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "deal.move"))).Should().Be(1);
        _other.DealSaves.Should().Be(2, "the save that met the other's change failed, and the update ran again");
    }

    [PostgresFact]
    public async Task Two_clashes_in_a_row_are_answered_clearly_and_save_nothing()
    {
        var (boris, deal) = await StartAsync();
        var stageBefore = await _app!.QueryAsync(db => db.Deals.Where(d => d.Id == deal).Select(d => d.StageId).SingleAsync());
        _other.Clashes = 2;

        var reply = await boris.LastAsync($"/move {deal} Предложение");

        reply.Text.Should().Contain("в тот же момент изменил кто-то ещё").And.Contain("не сохранено");
        var stored = await _app.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == deal));
        stored.StageId.Should().Be(stageBefore);
        stored.Title.Should().EndWith("(изменено другим) (изменено другим)");
        (await _app.QueryAsync(db => db.StageChanges.CountAsync(c => c.DealId == deal && c.Kind == StageChangeKind.Moved))).Should().Be(0);
    }

    /// <summary>
    /// Stands in for a second instance: just before our save of a changed deal, it commits its own change to the same
    /// row over its own connection, as many times as <see cref="Clashes"/> says.
    /// </summary>
    private sealed class OtherInstance : SaveChangesInterceptor
    {
        public string ConnectionString { get; set; } = "";
        public int Clashes { get; set; }
        public int Clashed { get; private set; }
        public int DealSaves { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var changed = eventData.Context?.ChangeTracker.Entries<Deal>().FirstOrDefault(e => e.State == EntityState.Modified);
            DealSaves += changed is null ? 0 : 1;
            if (changed is not null && Clashed < Clashes)
            {
                Clashed++;
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var update = new NpgsqlCommand(
                    "UPDATE \"Deals\" SET \"Title\" = \"Title\" || ' (изменено другим)' WHERE \"Id\" = @id", connection);
                update.Parameters.AddWithValue("id", changed.Entity.Id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}

using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// The bot no longer lets EF compare its model with the migrations on every start (a quarter to half a second each
/// time); a model change without its migration is caught here instead, for both providers, before it ships.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void Every_model_change_has_its_sqlite_migration()
    {
        using var db = new ChatCrmDbContext(new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges().Should().BeFalse(
            "a change to the model needs `dotnet ef migrations add <Name> --context ChatCrmDbContext --output-dir Data/Migrations`");
    }

    [Fact]
    public void Every_model_change_has_its_postgresql_migration()
    {
        // The model and the snapshot are compared in memory: no server is reached.
        using var db = new PostgresChatCrmDbContext(new DbContextOptionsBuilder<PostgresChatCrmDbContext>().UseNpgsql("Host=localhost;Database=chatcrm").Options);

        db.Database.HasPendingModelChanges().Should().BeFalse(
            "a change to the model needs `dotnet ef migrations add <Name> --context PostgresChatCrmDbContext --output-dir Data/PostgresMigrations`");
    }

    [Fact]
    public async Task A_first_start_on_an_empty_sqlite_file_migrates_it_and_warns_of_nothing()
    {
        // Not the template copy test hosts start on: an empty file, as a newcomer's first `dotnet run` finds it.
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-tests", "first-" + Guid.NewGuid().ToString("N"));
        var logs = new LogCapture();
        try
        {
            await using var app = await ChatCrmApp.StartAsync(logs: logs,
                settings: new Dictionary<string, string?> { ["ConnectionStrings:ChatCrm"] = $"Data Source={Path.Combine(folder, "chatcrm.db")}" });

            var (applied, all) = await app.QueryAsync(async db => (await db.Database.GetAppliedMigrationsAsync(), db.Database.GetMigrations()));
            applied.Should().Equal(all);
            logs.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => $"{l.Category}: {l.Message}")
                .Should().BeEmpty("a first start is quiet unless something is wrong");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

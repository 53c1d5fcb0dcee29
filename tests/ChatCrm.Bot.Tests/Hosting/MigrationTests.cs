using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;

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
}

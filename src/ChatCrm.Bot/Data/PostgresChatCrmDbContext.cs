using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatCrm.Bot.Data;

/// <summary>
/// The same model on PostgreSQL. A separate type because EF ties a migrations set to a context type,
/// and SQLite's migrations (column types, no sequences) are not PostgreSQL's.
/// </summary>
public sealed class PostgresChatCrmDbContext(DbContextOptions<PostgresChatCrmDbContext> options) : ChatCrmDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server or the app's configuration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChatCrmDbContext>
{
    public PostgresChatCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresChatCrmDbContext>().UseNpgsql("Host=localhost;Database=chatcrm").Options);
}

/// <summary>
/// The SQLite twin of <see cref="PostgresDesignTimeFactory"/>: without it <c>dotnet ef</c> would build
/// <see cref="ChatCrmDbContext"/> with the PostgreSQL factory (its context is one too).
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ChatCrmDbContext>
{
    public ChatCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite(DatabaseSetup.DefaultSqlite).Options);
}

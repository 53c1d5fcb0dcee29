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

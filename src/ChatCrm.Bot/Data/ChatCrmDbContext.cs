using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Data;

/// <summary>
/// The CRM's one database. Migrations are committed and applied at start; after changing the model run
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/ChatCrm.Bot --output-dir Data/Migrations</c>
/// from the repository root (the tool is pinned in .config/dotnet-tools.json: <c>dotnet tool restore</c>).
/// </summary>
public sealed class ChatCrmDbContext(DbContextOptions<ChatCrmDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<UndoEntry> UndoLog => Set<UndoEntry>();
    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<SalesCycle> Cycles => Set<SalesCycle>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<WorkType> WorkTypes => Set<WorkType>();
    public DbSet<LostReason> LostReasons => Set<LostReason>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ContactPerson> ContactPeople => Set<ContactPerson>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<ActivityNorm> Norms => Set<ActivityNorm>();
    public DbSet<ClientNudge> ClientNudges => Set<ClientNudge>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatCrmDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything stored is UTC; SQLite cannot compare DateTimeOffset, so DateTime it is, with Kind restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<decimal?>().HaveConversion<MoneyConverter>();
    }
}

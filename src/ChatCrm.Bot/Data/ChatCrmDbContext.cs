using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Data;

/// <summary>
/// The CRM's one database, on SQLite by default. Migrations are committed and applied at start; after
/// changing the model add one for each provider, from the repository root (<c>dotnet tool restore</c> first):
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/ChatCrm.Bot --context ChatCrmDbContext --output-dir Data/Migrations</c>
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/ChatCrm.Bot --context PostgresChatCrmDbContext --output-dir Data/PostgresMigrations</c>
/// </summary>
public class ChatCrmDbContext : DbContext
{
    public ChatCrmDbContext(DbContextOptions<ChatCrmDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the PostgreSQL subclass, which only exists to own its own migrations set.</summary>
    protected ChatCrmDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<User> Users => Set<User>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<WaitingUpdate> WaitingUpdates => Set<WaitingUpdate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SenderLeaseRow> SenderLeases => Set<SenderLeaseRow>();
    public DbSet<UndoEntry> UndoLog => Set<UndoEntry>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<ClientImport> Imports => Set<ClientImport>();
    public DbSet<ImportProblem> ImportProblems => Set<ImportProblem>();
    public DbSet<WebLoginCode> WebLoginCodes => Set<WebLoginCode>();
    public DbSet<WebSession> WebSessions => Set<WebSession>();

    public DbSet<SalesCycle> Cycles => Set<SalesCycle>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<WorkType> WorkTypes => Set<WorkType>();
    public DbSet<LostReason> LostReasons => Set<LostReason>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientSearchKey> ClientSearchKeys => Set<ClientSearchKey>();
    public DbSet<ContactPerson> ContactPeople => Set<ContactPerson>();
    public DbSet<Touch> Touches => Set<Touch>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealLine> DealLines => Set<DealLine>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TouchNorm> Norms => Set<TouchNorm>();
    public DbSet<StageTask> StageTasks => Set<StageTask>();
    public DbSet<ScenarioStep> ScenarioSteps => Set<ScenarioStep>();
    public DbSet<ScenarioSkip> ScenarioSkips => Set<ScenarioSkip>();
    public DbSet<ClientNudge> ClientNudges => Set<ClientNudge>();
    public DbSet<PaySchemeVersion> PaySchemes => Set<PaySchemeVersion>();

    /// <summary>The savepoint the running handler will need once it writes (<see cref="LazySavepoints"/>); null outside a handler.</summary>
    internal PendingSavepoint? PendingSavepoint { get; set; }

    /// <summary>The rows two people (or two instances) are likely to change at the same moment.</summary>
    private static readonly Type[] ConcurrencyChecked = [typeof(Deal), typeof(Client), typeof(ClientNudge), typeof(Obligation), typeof(Invite)];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatCrmDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Prefix ranges (value >= 'ива' AND value < 'ивб') need code-point order; a linguistic collation is not.
            modelBuilder.Entity<ClientSearchKey>().Property(k => k.Value).UseCollation("C");

            // Several instances may change the same row at once: the row's system version (xmin) makes the later
            // save fail instead of silently overwriting the earlier one; the pipeline then runs the update again.
            foreach (var type in ConcurrencyChecked)
            {
                modelBuilder.Entity(type).Property<uint>("xmin").IsRowVersion();
            }

            // PostgreSQL commits concurrent transactions out of id order, so the sender cannot read "every row after
            // the last id I saw". Each row remembers its writing transaction instead, and the sender reads the rows of
            // every transaction not yet finished at its previous read (see OutboxDispatcher).
            // (xid8 held as bigint: EF reads no xid8, and 2^63 transactions is not a worry.)
            modelBuilder.Entity<OutboxMessage>().Property<long>(OutboxMessage.CommitTx)
                .HasDefaultValueSql("pg_current_xact_id()::text::bigint").ValueGeneratedOnAdd();
            modelBuilder.Entity<OutboxMessage>().HasIndex(OutboxMessage.CommitTx).HasFilter("\"Status\" = 0");
        }
    }

    /// <summary>
    /// Keeps every added or changed client's search keys in step, whatever code changed it, and the open-deal flag of
    /// every client whose deals changed (<see cref="OpenDealFlags"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await OpenDealFlags.SyncAsync(this, cancellationToken);
        foreach (var entry in ClientsWithChangedKeys())
        {
            if (entry.State != EntityState.Added && entry.Collection(c => c.SearchKeys) is { IsLoaded: false } keys)
            {
                await keys.LoadAsync(cancellationToken);
            }

            entry.Entity.SyncSearchKeys();
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        OpenDealFlags.Sync(this);
        foreach (var entry in ClientsWithChangedKeys())
        {
            if (entry.State != EntityState.Added && entry.Collection(c => c.SearchKeys) is { IsLoaded: false } keys)
            {
                keys.Load();
            }

            entry.Entity.SyncSearchKeys();
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Client>> ClientsWithChangedKeys()
    {
        ChangeTracker.DetectChanges();
        return
        [
            .. ChangeTracker.Entries<Client>().Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(c => c.Name).IsModified || e.Property(c => c.Phones).IsModified
                    || e.Property(c => c.Emails).IsModified))),
        ];
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything stored is UTC; SQLite cannot compare DateTimeOffset, so DateTime it is, with Kind restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<decimal?>().HaveConversion<MoneyConverter>();
    }
}

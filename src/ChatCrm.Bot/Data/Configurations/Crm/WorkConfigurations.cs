using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Data.Configurations.Crm;

// The managers' daily work. The indexes serve the questions asked every day: my clients, my plan,
// who is forgotten, what is in each stage — so their cost grows with the answer, not the table.

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.ToTable("Clients");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.NameKey);
        b.HasIndex(c => c.MatchKey);
        b.HasIndex(c => new { c.OwnerUserId, c.LastTouchAt });
        // The forgotten-client scan: only the clients with an open deal (a partial index, so the dormant ones cost
        // nothing), per owner, answered from the index alone — the company-wide count per manager reads it in order,
        // one manager's morning is one range of it. A bare boolean is no equality SQLite could seek on; the filter
        // is matched instead, on SQLite and PostgreSQL alike.
        b.HasIndex(c => new { c.OwnerUserId, c.LastTouchAt, c.CreatedAt, c.NextContactAt }, "IX_Clients_OpenDeal")
            .HasFilter("\"HasOpenDeal\"");
        b.HasIndex(c => c.Phones);
        b.HasIndex(c => c.Emails);
        // Finds the clients whose search keys an older ClientSearchKeys.Version built, at start, without a scan.
        b.HasIndex(c => c.SearchKeysVersion);
        b.HasMany(c => c.SearchKeys).WithOne().HasForeignKey(k => k.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Name).HasMaxLength(Client.MaxNameLength).IsRequired();
        b.Property(c => c.NameKey).HasMaxLength(Client.MaxNameLength).IsRequired();
        b.Property(c => c.MatchKey).HasMaxLength(Client.MaxNameLength).IsRequired();
        b.Property(c => c.Phones).HasMaxLength(Client.MaxPhonesLength).IsRequired();
        b.Property(c => c.Emails).HasMaxLength(Client.MaxEmailsLength).IsRequired();
        b.Property(c => c.City).HasMaxLength(Client.MaxCityLength);
        b.Property(c => c.Note).HasMaxLength(Client.MaxNoteLength);
        b.Ignore(c => c.PhoneNumbers);
        b.Ignore(c => c.EmailAddresses);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Segment>().WithMany().HasForeignKey(c => c.SegmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Every way to find a client is a range of one index: (kind, value) — a word's start, a phone's last digits
/// (its reversed digits' start), an e-mail — leading to the client's id without touching the clients table.
/// </summary>
internal sealed class ClientSearchKeyConfiguration : IEntityTypeConfiguration<ClientSearchKey>
{
    public void Configure(EntityTypeBuilder<ClientSearchKey> b)
    {
        b.ToTable("ClientSearchKeys");
        b.HasKey(k => k.Id);
        b.HasIndex(k => new { k.Kind, k.Value, k.ClientId });
        b.HasIndex(k => k.ClientId);
        b.Property(k => k.Kind).HasConversion<int>();
        b.Property(k => k.Value).HasMaxLength(Core.Matching.ClientSearchKeys.MaxValueLength).IsRequired();
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> b)
    {
        b.ToTable("ContactPeople");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.ClientId);
        b.Property(p => p.Name).HasMaxLength(ContactPerson.MaxNameLength).IsRequired();
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.Email).HasMaxLength(Core.Matching.Emails.MaxLength);
        b.Property(p => p.Position).HasMaxLength(ContactPerson.MaxPositionLength);
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TouchConfiguration : IEntityTypeConfiguration<Touch>
{
    public void Configure(EntityTypeBuilder<Touch> b)
    {
        b.ToTable("Touches");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.ClientId, a.Status, a.HappenedAt });
        b.HasIndex(a => new { a.UserId, a.Status, a.PlannedFor });
        // Reports and pay count done touches per manager and work type in a period: answered from the index alone.
        b.HasIndex(a => new { a.UserId, a.Status, a.HappenedAt, a.WorkTypeId });
        // The same company-wide, and the clients worked in a period: a range of the index, not a scan of every touch.
        b.HasIndex(a => new { a.Status, a.HappenedAt, a.UserId, a.WorkTypeId, a.ClientId });
        // The scheduler's every-minute question: which planned contacts start in the next minutes, for anyone.
        b.HasIndex(a => new { a.Status, a.PlannedFor });
        b.Property(a => a.Note).HasMaxLength(Touch.MaxNoteLength).IsRequired();
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Deal>().WithMany().HasForeignKey(a => a.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkType>().WithMany().HasForeignKey(a => a.WorkTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.ToTable("Deals");
        b.HasKey(d => d.Id);
        // A manager's deals by status and stage, and the weighted pipeline per manager (hence the amount).
        b.HasIndex(d => new { d.OwnerUserId, d.Status, d.StageId, d.Amount });
        b.HasIndex(d => new { d.ClientId, d.Status });
        // Deals closed in a period, per manager (digests, the managers report, won deals for pay).
        b.HasIndex(d => new { d.Status, d.ClosedAt, d.OwnerUserId, d.OpenedAt });
        // Digests: deals opened in a period; the funnel and the open deals behind the forgotten-client scan,
        // both answered from this index alone.
        b.HasIndex(d => new { d.OpenedAt, d.OwnerUserId, d.ClosedAt, d.ClientId });
        b.HasIndex(d => new { d.Status, d.StageId, d.Amount, d.ClientId, d.ExpectedCloseAt, d.OwnerUserId });
        // The board: a column's open deals, the longest-waiting first, read a page at a time.
        b.HasIndex(d => new { d.Status, d.StageId, d.StageEnteredAt });
        // The digest's biggest stuck deals: open deals walked from the largest amount, each checked against its
        // stage's limit from the index alone, until five are found (0–15 ms at 125k open deals, against a sort of
        // every stuck one, ~500 ms).
        b.HasIndex(d => new { d.Status, d.Amount, d.StageId, d.StageEnteredAt });
        b.Property(d => d.Currency).HasMaxLength(3).IsRequired();
        b.Property(d => d.Title).HasMaxLength(Deal.MaxTitleLength).IsRequired();
        b.Property(d => d.EnteredStageName).HasMaxLength(Stage.MaxNameLength).IsRequired();
        b.Property(d => d.LostNote).HasMaxLength(Deal.MaxLostNoteLength);
        b.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SalesCycle>().WithMany().HasForeignKey(d => d.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Stage>().WithMany().HasForeignKey(d => d.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LostReason>().WithMany().HasForeignKey(d => d.LostReasonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DealLineConfiguration : IEntityTypeConfiguration<DealLine>
{
    public void Configure(EntityTypeBuilder<DealLine> b)
    {
        b.ToTable("DealLines");
        b.HasKey(l => l.Id);
        b.HasIndex(l => l.DealId);
        // Product reports: won amount per product and month, driven from the product side.
        b.HasIndex(l => new { l.ProductId, l.DealId });
        b.HasOne<Deal>().WithMany().HasForeignKey(l => l.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> b)
    {
        b.ToTable("StageChanges");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.DealId, c.At });
        b.HasIndex(c => new { c.At, c.Kind });
        b.Property(c => c.FromStageName).HasMaxLength(Stage.MaxNameLength);
        b.Property(c => c.ToStageName).HasMaxLength(Stage.MaxNameLength);
        b.HasOne(c => c.Deal).WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> b)
    {
        b.ToTable("Obligations");
        b.HasKey(o => o.Id);
        b.HasIndex(o => new { o.DealId, o.Kind });
        b.HasIndex(o => new { o.Kind, o.IsSettled, o.DueAt });
        // Money received in a period (reports, digests, pay): read from the index, then each payment's deal by its key.
        b.HasIndex(o => new { o.Kind, o.At, o.DealId, o.Amount });
        b.Property(o => o.Note).HasMaxLength(Obligation.MaxNoteLength);
        b.HasOne<Deal>().WithMany().HasForeignKey(o => o.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StageTaskConfiguration : IEntityTypeConfiguration<StageTask>
{
    public void Configure(EntityTypeBuilder<StageTask> b)
    {
        b.ToTable("StageTasks");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.DealId, t.Status });

        // A department's or a person's open work (their /tasks, the digest's holders).
        b.HasIndex(t => new { t.Status, t.DepartmentId, t.UserId });
        b.HasIndex(t => new { t.StageId, t.Status });
        b.Property(t => t.StageName).HasMaxLength(Stage.MaxNameLength);
        b.Property(t => t.Comment).HasMaxLength(StageTask.MaxCommentLength);
        b.HasOne<Deal>().WithMany().HasForeignKey(t => t.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Stage>().WithMany().HasForeignKey(t => t.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.TakenByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.ClosedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScenarioSkipConfiguration : IEntityTypeConfiguration<ScenarioSkip>
{
    public void Configure(EntityTypeBuilder<ScenarioSkip> b)
    {
        b.ToTable("ScenarioSkips");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.At);
        b.HasIndex(s => s.DealId);
        b.Property(s => s.StageName).HasMaxLength(Stage.MaxNameLength);
        b.Property(s => s.Steps).HasMaxLength(ScenarioSkip.MaxStepsLength);
        b.HasOne<Deal>().WithMany().HasForeignKey(s => s.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Stage>().WithMany().HasForeignKey(s => s.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

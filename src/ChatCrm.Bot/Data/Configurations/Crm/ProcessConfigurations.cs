using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations.Crm;

// The sales process an admin shapes: cycles, stages and the reference lists. Rows are retired, never deleted.

internal sealed class SalesCycleConfiguration : IEntityTypeConfiguration<SalesCycle>
{
    public void Configure(EntityTypeBuilder<SalesCycle> b)
    {
        b.ToTable("Cycles");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(SalesCycle.MaxNameLength).IsRequired();
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> b)
    {
        b.ToTable("Stages");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.CycleId, s.Position });
        b.Property(s => s.Name).HasMaxLength(Stage.MaxNameLength).IsRequired();
        b.HasOne<SalesCycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Core.Domain.Users.User>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScenarioStepConfiguration : IEntityTypeConfiguration<ScenarioStep>
{
    public void Configure(EntityTypeBuilder<ScenarioStep> b)
    {
        b.ToTable("ScenarioSteps");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.StageId, s.SegmentId, s.Position });
        b.HasOne<Stage>().WithMany().HasForeignKey(s => s.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Segment>().WithMany().HasForeignKey(s => s.SegmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkType>().WithMany().HasForeignKey(s => s.WorkTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Every list of <see cref="NamedItem"/>s is a table of id, name and retired flag, plus what the list adds.</summary>
internal abstract class NamedItemConfiguration<TItem>(string table, int maxNameLength) : IEntityTypeConfiguration<TItem>
    where TItem : NamedItem
{
    public virtual void Configure(EntityTypeBuilder<TItem> b)
    {
        b.ToTable(table);
        b.HasKey(i => i.Id);
        b.Property(i => i.Name).HasMaxLength(maxNameLength).IsRequired();
    }
}

internal sealed class WorkTypeConfiguration() : NamedItemConfiguration<WorkType>("WorkTypes", WorkType.MaxNameLength)
{
    public override void Configure(EntityTypeBuilder<WorkType> b)
    {
        base.Configure(b);
        b.HasIndex(w => w.Code).IsUnique();
        b.Property(w => w.Code).HasMaxLength(WorkType.MaxCodeLength).IsRequired();
    }
}

internal sealed class LostReasonConfiguration() : NamedItemConfiguration<LostReason>("LostReasons", LostReason.MaxNameLength);

internal sealed class DepartmentConfiguration() : NamedItemConfiguration<Department>("Departments", Department.MaxNameLength);

internal sealed class SegmentConfiguration() : NamedItemConfiguration<Segment>("Segments", Segment.MaxNameLength);

internal sealed class ProductConfiguration() : NamedItemConfiguration<Product>("Products", Product.MaxNameLength)
{
    public override void Configure(EntityTypeBuilder<Product> b)
    {
        base.Configure(b);
        b.Property(p => p.Category).HasMaxLength(Product.MaxCategoryLength);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("Targets");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.UserId, t.Month }).IsUnique();
        b.HasOne<Core.Domain.Users.User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TouchNormConfiguration : IEntityTypeConfiguration<TouchNorm>
{
    public void Configure(EntityTypeBuilder<TouchNorm> b)
    {
        b.ToTable("Norms");
        b.HasKey(n => n.Id);
        // One norm per work type and period in each scope. Nulls are distinct in a unique index, so each scope has
        // its own filtered one (the same SQL on SQLite and PostgreSQL).
        b.HasIndex(n => new { n.WorkTypeId, n.Period }).IsUnique().HasFilter("\"UserId\" IS NULL AND \"DepartmentId\" IS NULL")
            .HasDatabaseName("IX_Norms_Company");
        b.HasIndex(n => new { n.WorkTypeId, n.Period, n.DepartmentId }).IsUnique().HasFilter("\"DepartmentId\" IS NOT NULL")
            .HasDatabaseName("IX_Norms_Department");
        b.HasIndex(n => new { n.WorkTypeId, n.Period, n.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL")
            .HasDatabaseName("IX_Norms_User");
        b.HasOne<WorkType>().WithMany().HasForeignKey(n => n.WorkTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(n => n.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Core.Domain.Users.User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

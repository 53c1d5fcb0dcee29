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
    }
}

internal sealed class WorkTypeConfiguration : IEntityTypeConfiguration<WorkType>
{
    public void Configure(EntityTypeBuilder<WorkType> b)
    {
        b.ToTable("WorkTypes");
        b.HasKey(w => w.Id);
        b.HasIndex(w => w.Code).IsUnique();
        b.Property(w => w.Code).HasMaxLength(WorkType.MaxCodeLength).IsRequired();
        b.Property(w => w.Name).HasMaxLength(WorkType.MaxNameLength).IsRequired();
    }
}

internal sealed class LostReasonConfiguration : IEntityTypeConfiguration<LostReason>
{
    public void Configure(EntityTypeBuilder<LostReason> b)
    {
        b.ToTable("LostReasons");
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(LostReason.MaxNameLength).IsRequired();
    }
}

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> b)
    {
        b.ToTable("Segments");
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(Segment.MaxNameLength).IsRequired();
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("Products");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(Product.MaxNameLength).IsRequired();
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
        b.HasIndex(n => new { n.WorkTypeId, n.Period }).IsUnique();
        b.HasOne<WorkType>().WithMany().HasForeignKey(n => n.WorkTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

using ChatCrm.Core.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("Audit");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.At);
        b.Property(a => a.Action).HasMaxLength(64).IsRequired();
        b.Property(a => a.Subject).HasMaxLength(AuditEntry.MaxDetailsLength);
        b.Property(a => a.Before).HasMaxLength(AuditEntry.MaxDetailsLength);
        b.Property(a => a.After).HasMaxLength(AuditEntry.MaxDetailsLength);
    }
}

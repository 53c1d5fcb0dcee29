using ChatCrm.Bot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.DedupKey).IsUnique();
        // The dispatcher's only query: pending rows in send order.
        b.HasIndex(m => new { m.Status, m.Priority, m.Id });
        b.Property(m => m.Kind).HasConversion<int>();
        b.Property(m => m.Status).HasConversion<int>();
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.Property(m => m.Error).HasMaxLength(1000);
        b.Ignore(m => m.IsChatMessage);
    }
}

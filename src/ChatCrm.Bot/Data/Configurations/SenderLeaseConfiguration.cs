using ChatCrm.Bot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class SenderLeaseConfiguration : IEntityTypeConfiguration<SenderLeaseRow>
{
    public void Configure(EntityTypeBuilder<SenderLeaseRow> b)
    {
        b.ToTable("SenderLeases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(64);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}

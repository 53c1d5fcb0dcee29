using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class ProcessedUpdateConfiguration : IEntityTypeConfiguration<ProcessedUpdate>
{
    public void Configure(EntityTypeBuilder<ProcessedUpdate> b)
    {
        b.ToTable("ProcessedUpdates");
        b.HasKey(p => p.UpdateId);
        b.Property(p => p.UpdateId).ValueGeneratedNever();
    }
}

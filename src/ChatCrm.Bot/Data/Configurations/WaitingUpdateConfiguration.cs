using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class WaitingUpdateConfiguration : IEntityTypeConfiguration<WaitingUpdate>
{
    public void Configure(EntityTypeBuilder<WaitingUpdate> b)
    {
        b.ToTable("WaitingUpdates");
        b.HasKey(w => w.Id);
        b.HasIndex(w => w.UpdateId).IsUnique();
        b.HasIndex(w => new { w.SenderTelegramId, w.Id });
        b.Property(w => w.Json).IsRequired();
    }
}

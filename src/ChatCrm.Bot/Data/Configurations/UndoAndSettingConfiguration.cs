using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class UndoEntryConfiguration : IEntityTypeConfiguration<UndoEntry>
{
    public void Configure(EntityTypeBuilder<UndoEntry> b)
    {
        b.ToTable("UndoLog");
        b.HasKey(u => u.Id);
        b.HasIndex(u => new { u.UserId, u.At });
        b.Property(u => u.Kind).HasMaxLength(64).IsRequired();
        b.Property(u => u.Description).HasMaxLength(UndoEntry.MaxDescriptionLength).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> b)
    {
        b.ToTable("Settings");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(500).IsRequired();
    }
}

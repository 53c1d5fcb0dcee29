using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("Users");
        b.HasKey(u => u.Id);
        b.HasIndex(u => u.TelegramId).IsUnique();
        b.HasIndex(u => u.Username);
        b.Property(u => u.DisplayName).HasMaxLength(User.MaxNameLength).IsRequired();
        b.Property(u => u.Username).HasMaxLength(64);
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(u => u.ChosenLanguage).HasConversion<string>().HasMaxLength(8);
        b.Property(u => u.TelegramLanguageCode).HasMaxLength(16);
        b.Property(u => u.TimeZoneId).HasMaxLength(64).IsRequired();
        b.Property(u => u.DialogCommand).HasMaxLength(32);
        b.Property(u => u.DialogArgs).HasMaxLength(1024);
        b.HasOne<Core.Domain.Crm.Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.Quiet);
        b.Ignore(u => u.Reachable);
    }
}

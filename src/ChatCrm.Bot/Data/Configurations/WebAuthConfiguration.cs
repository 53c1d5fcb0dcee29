using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class WebLoginCodeConfiguration : IEntityTypeConfiguration<WebLoginCode>
{
    public void Configure(EntityTypeBuilder<WebLoginCode> b)
    {
        b.ToTable("WebLoginCodes");
        b.HasKey(c => c.Id);
        b.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        b.HasIndex(c => c.CodeHash).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebSessionConfiguration : IEntityTypeConfiguration<WebSession>
{
    public void Configure(EntityTypeBuilder<WebSession> b)
    {
        b.ToTable("WebSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

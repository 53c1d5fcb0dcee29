using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class PaySchemeVersionConfiguration : IEntityTypeConfiguration<PaySchemeVersion>
{
    public void Configure(EntityTypeBuilder<PaySchemeVersion> b)
    {
        b.ToTable("PaySchemes");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.EffectiveFrom);
        b.Property(p => p.RulesJson).IsRequired();
        b.HasOne<User>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

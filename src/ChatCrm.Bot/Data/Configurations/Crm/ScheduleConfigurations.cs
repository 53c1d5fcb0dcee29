using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Data.Configurations.Crm;

// The scheduler's memory: one row per client it has nudged about (the streak, the snooze, the escalation).

internal sealed class ClientNudgeConfiguration : IEntityTypeConfiguration<ClientNudge>
{
    public void Configure(EntityTypeBuilder<ClientNudge> b)
    {
        b.ToTable("ClientNudges");
        b.HasKey(n => n.Id);
        b.HasIndex(n => n.ClientId).IsUnique();
        // The escalation scan: streaks not yet escalated, oldest first.
        b.HasIndex(n => new { n.EscalatedAt, n.FirstNudgedAt });
        b.Property(n => n.SnoozeReason).HasConversion<int?>();
        b.HasOne<Client>().WithMany().HasForeignKey(n => n.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(n => n.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Bot.Data.Configurations;

internal sealed class ClientImportConfiguration : IEntityTypeConfiguration<ClientImport>
{
    public void Configure(EntityTypeBuilder<ClientImport> b)
    {
        b.ToTable("Imports");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.Status, i.Id });
        b.HasIndex(i => new { i.ContentHash, i.Status });
        b.HasIndex(i => new { i.UserId, i.Status });
        b.Property(i => i.FileName).HasMaxLength(ClientImport.MaxFileNameLength).IsRequired();
        b.Property(i => i.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(i => i.Content).IsRequired();
        b.Property(i => i.Mapping).IsRequired();
        b.Property(i => i.Choices).IsRequired();
        b.HasOne<Core.Domain.Users.User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportProblemConfiguration : IEntityTypeConfiguration<ImportProblem>
{
    public void Configure(EntityTypeBuilder<ImportProblem> b)
    {
        b.ToTable("ImportProblems");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.ImportId, p.RowNumber });
        b.Property(p => p.Reason).HasMaxLength(ImportProblem.MaxReasonLength).IsRequired();
        b.HasOne<ClientImport>().WithMany().HasForeignKey(p => p.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

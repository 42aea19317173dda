using CustomerService.Domain.Organisation;
using CustomerService.Domain.Phrases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class CannedPhraseGroupConfiguration : IEntityTypeConfiguration<CannedPhraseGroup>
{
    public void Configure(EntityTypeBuilder<CannedPhraseGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(CannedPhraseGroup.NameMaxLength).IsRequired();
        builder.Ignore(g => g.Owner);
        // Personal phrases go with their account; every query of them filters on this column.
        builder.HasOne<Account>().WithMany().HasForeignKey(g => g.OwnerAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.OwnerAccountId, g.Name });
    }
}

internal sealed class CannedPhraseConfiguration : IEntityTypeConfiguration<CannedPhrase>
{
    public void Configure(EntityTypeBuilder<CannedPhrase> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(CannedPhrase.TitleMaxLength).IsRequired();
        builder.Property(p => p.Content).HasMaxLength(CannedPhrase.ContentMaxLength).IsRequired();
        builder.Property(p => p.PublishedTitle).HasMaxLength(CannedPhrase.TitleMaxLength);
        builder.Property(p => p.PublishedContent).HasMaxLength(CannedPhrase.ContentMaxLength);
        builder.Ignore(p => p.IsPublished);
        builder.Ignore(p => p.HasUnpublishedChanges);
        // The service refuses to delete a group that still holds phrases; the cascade is for an account's deletion.
        builder.HasOne(p => p.Group).WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

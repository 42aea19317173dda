using CustomerService.Domain.Organisation;
using CustomerService.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class SavedRecordSearchConfiguration : IEntityTypeConfiguration<SavedRecordSearch>
{
    public void Configure(EntityTypeBuilder<SavedRecordSearch> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(SavedRecordSearch.NameMaxLength);
        builder.Property(s => s.Search).HasMaxLength(SavedRecordSearch.SearchMaxLength);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        // One name once per account; the list is read by account in name order through the same index.
        builder.HasIndex(s => new { s.AccountId, s.Name }).IsUnique();
    }
}

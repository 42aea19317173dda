using CustomerService.Domain.Organisation;
using CustomerService.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

// One row per account that changed its record columns; it goes with the account.
internal sealed class RecordViewPreferenceConfiguration : IEntityTypeConfiguration<RecordViewPreference>
{
    public void Configure(EntityTypeBuilder<RecordViewPreference> builder)
    {
        builder.HasKey(p => p.AccountId);
        builder.Property(p => p.AccountId).ValueGeneratedNever();
        builder.Property(p => p.Columns).HasMaxLength(500).IsRequired();
        builder.HasOne<Account>().WithOne().HasForeignKey<RecordViewPreference>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ColumnLayoutConfiguration : IEntityTypeConfiguration<ColumnLayout>
{
    public void Configure(EntityTypeBuilder<ColumnLayout> builder)
    {
        builder.HasKey(l => new { l.AccountId, l.View });
        builder.Property(l => l.View).HasMaxLength(ColumnLayout.MaxViewLength);
        builder.Property(l => l.Columns).HasMaxLength((ColumnLayout.MaxColumnNameLength + 1) * ColumnLayout.MaxColumns);
        builder.Ignore(l => l.ColumnNames);
        builder.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

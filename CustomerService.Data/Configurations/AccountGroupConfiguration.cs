using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class AccountGroupConfiguration : IEntityTypeConfiguration<AccountGroup>
{
    public void Configure(EntityTypeBuilder<AccountGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(AccountGroup.NameMaxLength).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
    }
}

using CustomerService.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.ActiveNameKey).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength).IsRequired();
        // Lower-case hex SHA-256.
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        // Names are unique among active keys only: revoked keys clear ActiveNameKey, and both providers let a unique
        // index hold many nulls (SQL Server through the IS NOT NULL filter EF adds to unique nullable indexes).
        builder.HasIndex(k => k.ActiveNameKey).IsUnique();
        // A presented key is looked up by its visible prefix, then compared by hash in constant time.
        builder.HasIndex(k => k.Prefix);
        builder.Ignore(k => k.IsActive);
    }
}

using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class VisitorConfiguration : IEntityTypeConfiguration<Visitor>
{
    public void Configure(EntityTypeBuilder<Visitor> builder)
    {
        builder.Property(v => v.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(v => v.ExternalUserId).HasMaxLength(64);
        builder.Property(v => v.Name).HasMaxLength(64);
        builder.Property(v => v.LastIp).HasMaxLength(64);
        builder.HasIndex(v => v.TokenHash).IsUnique();
        builder.HasIndex(v => v.ExternalUserId);
    }
}

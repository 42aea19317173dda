using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class EnterpriseProfileConfiguration : IEntityTypeConfiguration<EnterpriseProfile>
{
    public void Configure(EntityTypeBuilder<EnterpriseProfile> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CompanyName).HasMaxLength(EnterpriseProfile.NameMaxLength).IsRequired();
        builder.Property(p => p.Address).HasMaxLength(EnterpriseProfile.TextMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(EnterpriseProfile.TextMaxLength);
        builder.Property(p => p.Website).HasMaxLength(EnterpriseProfile.TextMaxLength);
        builder.Property(p => p.LogoUrl).HasMaxLength(EnterpriseProfile.TextMaxLength);
        builder.Property(p => p.About).HasMaxLength(EnterpriseProfile.AboutMaxLength);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Ignore(p => p.TimeZone);
        builder.Ignore(p => p.WorkingHours);
    }
}

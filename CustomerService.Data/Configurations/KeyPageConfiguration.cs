using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class KeyPageConfiguration : IEntityTypeConfiguration<KeyPage>
{
    public void Configure(EntityTypeBuilder<KeyPage> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(KeyPage.NameMaxLength).IsRequired();
        builder.Property(p => p.UrlPattern).HasMaxLength(KeyPage.PatternMaxLength).IsRequired();
        builder.Property(p => p.PageType).HasConversion<string>().HasMaxLength(16);
    }
}

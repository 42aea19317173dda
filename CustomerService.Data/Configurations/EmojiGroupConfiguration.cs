using CustomerService.Domain.Branding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class EmojiGroupConfiguration : IEntityTypeConfiguration<EmojiGroup>
{
    public void Configure(EntityTypeBuilder<EmojiGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(EmojiGroup.NameMaxLength).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
    }
}

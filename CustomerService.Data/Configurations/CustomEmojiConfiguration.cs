using CustomerService.Domain.Branding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class CustomEmojiConfiguration : IEntityTypeConfiguration<CustomEmoji>
{
    public void Configure(EntityTypeBuilder<CustomEmoji> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(CustomEmoji.NameMaxLength).IsRequired();
        builder.Property(e => e.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(100).IsRequired();
        // A group's emoji go with it; the service removes their files first.
        builder.HasOne<EmojiGroup>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.GroupId);
    }
}

using CustomerService.Domain.Branding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class UnifiedAgentImageConfiguration : IEntityTypeConfiguration<UnifiedAgentImage>
{
    public void Configure(EntityTypeBuilder<UnifiedAgentImage> builder)
    {
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.AvatarUrl).HasMaxLength(UnifiedAgentImage.AvatarUrlMaxLength);
        builder.Property(u => u.Name).HasMaxLength(UnifiedAgentImage.NameMaxLength);
        builder.Property(u => u.Signature).HasMaxLength(UnifiedAgentImage.SignatureMaxLength);
    }
}

using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class BlacklistEntryConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Ip).HasMaxLength(64);
        builder.Property(b => b.Reason).HasMaxLength(BlacklistEntry.ReasonMaxLength).IsRequired();
        builder.HasIndex(b => b.VisitorId);
        builder.HasIndex(b => b.Ip);
        builder.Ignore(b => b.IsActive);
    }
}

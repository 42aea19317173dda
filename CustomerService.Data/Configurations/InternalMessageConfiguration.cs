using CustomerService.Domain.Colleagues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class InternalMessageConfiguration : IEntityTypeConfiguration<InternalMessage>
{
    public void Configure(EntityTypeBuilder<InternalMessage> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(InternalMessage.TextMaxLength).IsRequired();
        builder.HasIndex(m => new { m.FromAccountId, m.ToAccountId, m.SentAt });
        builder.HasIndex(m => new { m.ToAccountId, m.ReadAt });
    }
}

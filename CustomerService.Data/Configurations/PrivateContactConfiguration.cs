using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class PrivateContactConfiguration : IEntityTypeConfiguration<PrivateContact>
{
    public void Configure(EntityTypeBuilder<PrivateContact> builder)
    {
        builder.HasKey(p => p.VisitorId);
        builder.Property(p => p.VisitorId).ValueGeneratedNever();
        builder.HasOne<Visitor>().WithMany().HasForeignKey(p => p.VisitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.AgentId);
    }
}

using CustomerService.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class GroupRoundRobinConfiguration : IEntityTypeConfiguration<GroupRoundRobin>
{
    public void Configure(EntityTypeBuilder<GroupRoundRobin> builder)
    {
        builder.HasKey(r => r.ReceptionGroupId);
        builder.Property(r => r.ReceptionGroupId).ValueGeneratedNever();
        builder.Property(r => r.CurrentWeights).HasMaxLength(4000).IsRequired();
    }
}

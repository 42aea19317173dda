using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class AgentStatusPeriodConfiguration : IEntityTypeConfiguration<AgentStatusPeriod>
{
    public void Configure(EntityTypeBuilder<AgentStatusPeriod> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.AgentId, p.StartedAt });
        builder.HasIndex(p => p.EndedAt);
        builder.HasIndex(p => p.StartedAt);
    }
}

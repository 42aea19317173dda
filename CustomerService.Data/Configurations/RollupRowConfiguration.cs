using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class RollupRowConfiguration : IEntityTypeConfiguration<RollupRow>
{
    public void Configure(EntityTypeBuilder<RollupRow> builder)
    {
        // The natural key has nullable parts (agent or none, group or none), which a primary key cannot hold.
        builder.Property<long>("Id");
        builder.HasKey("Id");
        builder.Property(r => r.OrderAmount).HasPrecision(18, 2);
        builder.Property(r => r.QcScoreSum).HasPrecision(20, DailyRollup.QcScoreSumDecimals);

        // Reports over a range read the whole-day rows of a date range, grouped by agent or by group; a day is
        // replaced by deleting its rows by date.
        builder.HasIndex(r => new { r.Hour, r.LocalDate, r.AgentId });
        builder.HasIndex(r => new { r.LocalDate, r.Hour, r.AgentId, r.ReceptionGroupId });
    }
}

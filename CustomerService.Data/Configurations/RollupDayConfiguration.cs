using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class RollupDayConfiguration : IEntityTypeConfiguration<RollupDay>
{
    public void Configure(EntityTypeBuilder<RollupDay> builder) => builder.HasKey(d => d.LocalDate);
}

internal sealed class RollupDirtyMarkConfiguration : IEntityTypeConfiguration<RollupDirtyMark>
{
    public void Configure(EntityTypeBuilder<RollupDirtyMark> builder) => builder.HasIndex(m => m.LocalDate);
}

internal sealed class OriginRollupRowConfiguration : IEntityTypeConfiguration<OriginRollupRow>
{
    // Reports read a date range's rows (of no agent for the enterprise); a roll replaces a day's rows by date.
    public void Configure(EntityTypeBuilder<OriginRollupRow> builder) => builder.HasIndex(r => new { r.LocalDate, r.AgentId });
}

internal sealed class JobCheckpointConfiguration : IEntityTypeConfiguration<JobCheckpoint>
{
    public void Configure(EntityTypeBuilder<JobCheckpoint> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}

internal sealed class DistinctRollupRowConfiguration : IEntityTypeConfiguration<DistinctRollupRow>
{
    // Reports read the rows of one span (agents' days, agents' months, enterprise days) on a date range or list of
    // dates; a roll replaces a day's rows by date.
    public void Configure(EntityTypeBuilder<DistinctRollupRow> builder) => builder.HasIndex(r => new { r.LocalDate, r.Span, r.AgentId });
}

internal sealed class ReportUserKeyConfiguration : IEntityTypeConfiguration<ReportUserKey>
{
    public void Configure(EntityTypeBuilder<ReportUserKey> builder)
    {
        builder.Property(k => k.Key).HasMaxLength(200);
        builder.HasIndex(k => k.Key).IsUnique();
    }
}

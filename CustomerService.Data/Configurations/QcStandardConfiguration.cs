using CustomerService.Domain.Qc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class QcStandardConfiguration : IEntityTypeConfiguration<QcStandard>
{
    public void Configure(EntityTypeBuilder<QcStandard> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(QcStandard.NameMaxLength);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Ignore(s => s.CurrentVersion);
        builder.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.StandardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Versions).HasField("_versions");
    }
}

internal sealed class QcStandardVersionConfiguration : IEntityTypeConfiguration<QcStandardVersion>
{
    public void Configure(EntityTypeBuilder<QcStandardVersion> builder)
    {
        builder.HasIndex(v => new { v.StandardId, v.Number }).IsUnique();
        builder.Ignore(v => v.Dimensions);
        builder.Ignore(v => v.TotalMax);

        // A version's dimensions never change and are only read with it: owned rows keyed by (version, position).
        builder.OwnsMany<QcDimension>("_dimensions", dimension =>
        {
            dimension.ToTable("QcDimensions");
            dimension.WithOwner().HasForeignKey("VersionId");
            dimension.HasKey("VersionId", nameof(QcDimension.Position));
            dimension.Property(d => d.Position).ValueGeneratedNever();
            dimension.Property(d => d.Name).HasMaxLength(QcDimension.NameMaxLength);
            dimension.Property(d => d.Description).HasMaxLength(QcDimension.DescriptionMaxLength);
        });
    }
}

internal sealed class QcSettingsConfiguration : IEntityTypeConfiguration<QcSettings>
{
    public void Configure(EntityTypeBuilder<QcSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.DisputeDeadline);
        builder.HasData(QcSettings.CreateDefault());
    }
}

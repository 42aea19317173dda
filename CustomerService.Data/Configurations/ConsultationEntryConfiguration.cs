using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ConsultationEntryConfiguration : IEntityTypeConfiguration<ConsultationEntry>
{
    public void Configure(EntityTypeBuilder<ConsultationEntry> builder)
    {
        builder.Property(e => e.Code).HasMaxLength(ConsultationEntry.CodeMaxLength).IsRequired();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(ConsultationEntry.NameMaxLength).IsRequired();
        builder.Property(e => e.Secret).HasMaxLength(64).IsRequired();
        // A group with entries cannot be deleted: the entries would point nowhere and merchants' buttons would break.
        builder.HasOne(e => e.ReceptionGroup).WithMany().HasForeignKey(e => e.ReceptionGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

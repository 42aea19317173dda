using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

/// <summary>
/// The Domain record itself is the row: the settings page saves exactly the tree <see cref="ConsultationTypeRules"/>
/// validated, and summaries read the same type.
/// </summary>
internal sealed class ConsultationTypeConfiguration : IEntityTypeConfiguration<ConsultationType>
{
    public void Configure(EntityTypeBuilder<ConsultationType> builder)
    {
        builder.ToTable("ConsultationTypes");
        builder.Property(t => t.Name).HasMaxLength(ConsultationTypeRules.NameMaxLength).IsRequired();
        // Only leaves are deleted, so a parent is never removed under its children.
        builder.HasOne<ConsultationType>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

using CustomerService.Domain.Customers;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class CustomerProfileConfiguration : IEntityTypeConfiguration<CustomerProfile>
{
    public void Configure(EntityTypeBuilder<CustomerProfile> builder)
    {
        builder.HasKey(c => c.VisitorId);
        builder.Property(c => c.VisitorId).ValueGeneratedNever();
        builder.HasOne<Visitor>().WithOne().HasForeignKey<CustomerProfile>(c => c.VisitorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(CustomerProfile.NameMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Notes).HasMaxLength(CustomerProfile.NotesMaxLength);
        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => c.CreatedAt);
    }
}

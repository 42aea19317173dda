using CustomerService.Domain.Customers;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Customer.PhoneMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Customer.NotesMaxLength);
        builder.Property(c => c.UserId).HasMaxLength(Customer.UserIdMaxLength);

        // A visitor is filed once; losing the visitor keeps the customer (he may still be recognised by his user id).
        builder.HasOne<Visitor>().WithMany().HasForeignKey(c => c.OriginVisitorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.OriginVisitorId).IsUnique().HasFilter("OriginVisitorId IS NOT NULL");
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.OwnerAccountId).OnDelete(DeleteBehavior.Restrict);

        // Upsert by user id (SPEC N4), duplicate checks of an import by user id, phone or e-mail (SPEC J4): one indexed
        // lookup per batch. The owner index serves the scoped list (SPEC B), newest first.
        builder.HasIndex(c => c.UserId).IsUnique().HasFilter("UserId IS NOT NULL");
        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => new { c.OwnerAccountId, c.Id });
        builder.HasIndex(c => new { c.Star, c.Id });

        // 添加CRM facts (SPEC I0) read the console's customers by creation time.
        builder.HasIndex(c => new { c.CreatedAt, c.Source });
    }
}

internal sealed class CustomerAssignmentConfiguration : IEntityTypeConfiguration<CustomerAssignment>
{
    public void Configure(EntityTypeBuilder<CustomerAssignment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CustomerId, a.At });
    }
}

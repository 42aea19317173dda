using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class CustomFieldConfiguration : IEntityTypeConfiguration<CustomField>
{
    public void Configure(EntityTypeBuilder<CustomField> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(CustomField.NameMaxLength);
        builder.HasIndex(f => f.Name).IsUnique();
        builder.Property(f => f.Options).HasMaxLength((CustomField.OptionMaxLength + 1) * CustomField.MaxOptions);
        builder.Ignore(f => f.OptionList);
        builder.Ignore(f => f.IsChoice);
    }
}

internal sealed class CustomerFieldValueConfiguration : IEntityTypeConfiguration<CustomerFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomerFieldValue> builder)
    {
        builder.HasKey(v => new { v.CustomerId, v.FieldId });
        builder.HasOne<Customer>().WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CustomField>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Value).HasMaxLength(CustomField.ValueMaxLength * 2);

        // A custom-field filter of the list (SPEC J2): one seek per field and value.
        builder.HasIndex(v => new { v.FieldId, v.Value });
    }
}

internal sealed class CustomerImportConfiguration : IEntityTypeConfiguration<CustomerImport>
{
    public void Configure(EntityTypeBuilder<CustomerImport> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileName).HasMaxLength(CustomerImport.FileNameMaxLength);
        builder.HasIndex(i => i.At);
    }
}

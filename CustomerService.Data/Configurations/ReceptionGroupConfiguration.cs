using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ReceptionGroupConfiguration : IEntityTypeConfiguration<ReceptionGroup>
{
    public void Configure(EntityTypeBuilder<ReceptionGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(ReceptionGroup.NameMaxLength).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.SkinColor).HasMaxLength(7).IsRequired();
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.ReceptionGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReceptionGroupMemberConfiguration : IEntityTypeConfiguration<ReceptionGroupMember>
{
    public void Configure(EntityTypeBuilder<ReceptionGroupMember> builder)
    {
        builder.HasIndex(m => new { m.ReceptionGroupId, m.AccountId }).IsUnique();
        builder.HasOne(m => m.Account).WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

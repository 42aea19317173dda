using CustomerService.Data.Identity;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        // The id is the identity user's id, not generated here.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithOne().HasForeignKey<Account>(a => a.Id).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.LoginName).HasMaxLength(AccountRules.LoginNameMaxLength).IsRequired();
        builder.HasIndex(a => a.LoginName).IsUnique();
        builder.Property(a => a.ExternalName).HasMaxLength(AccountRules.NameMaxLength).IsRequired();
        builder.Property(a => a.InternalName).HasMaxLength(AccountRules.NameMaxLength).IsRequired();
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.LeaveMessageScope).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.NotifyPhone).HasMaxLength(32);
        builder.Property(a => a.NotifyEmail).HasMaxLength(256);
        builder.Property(a => a.AvatarUrl).HasMaxLength(500);
        builder.Property(a => a.Signature).HasMaxLength(AccountRules.SignatureMaxLength);
        builder.HasOne(a => a.AccountGroup).WithMany().HasForeignKey(a => a.AccountGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

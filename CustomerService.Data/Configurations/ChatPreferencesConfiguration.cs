using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ChatPreferencesConfiguration : IEntityTypeConfiguration<ChatPreferences>
{
    public void Configure(EntityTypeBuilder<ChatPreferences> builder)
    {
        builder.HasKey(p => p.AccountId);
        builder.Property(p => p.AccountId).ValueGeneratedNever();
        builder.Property(p => p.SendKey).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(p => p.Values);
        builder.HasOne<Account>().WithOne().HasForeignKey<ChatPreferences>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

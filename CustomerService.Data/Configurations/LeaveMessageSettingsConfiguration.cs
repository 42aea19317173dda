using CustomerService.Domain.LeaveMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class LeaveMessageSettingsConfiguration : IEntityTypeConfiguration<LeaveMessageSettings>
{
    public void Configure(EntityTypeBuilder<LeaveMessageSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.NameMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.PhoneMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.EmailMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ContentMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Notice).HasMaxLength(LeaveMessageSettings.NoticeMaxLength);
        builder.Ignore(s => s.Options);
    }
}

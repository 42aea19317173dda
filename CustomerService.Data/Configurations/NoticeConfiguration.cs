using CustomerService.Domain.Notifications;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notice.TitleMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notice.BodyMaxLength).IsRequired();
        builder.Property(n => n.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.AuthorName).HasMaxLength(AccountRules.NameMaxLength).IsRequired();
        builder.HasMany(n => n.Recipients).WithOne().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(n => n.CreatedAt);
    }
}

internal sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> builder)
    {
        builder.HasKey(r => new { r.NoticeId, r.AccountId });
        builder.Ignore(r => r.IsRead);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The badge counts one account's unread rows on every page.
        builder.HasIndex(r => new { r.AccountId, r.ReadAt });
    }
}

using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class PageViewConfiguration : IEntityTypeConfiguration<PageView>
{
    public void Configure(EntityTypeBuilder<PageView> builder)
    {
        builder.Property(p => p.Url).HasMaxLength(PageView.UrlMaxLength).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(PageView.TitleMaxLength);
        builder.Property(p => p.Referrer).HasMaxLength(PageView.UrlMaxLength);
        builder.Property(p => p.SourceKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.SearchEngine).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Keyword).HasMaxLength(TrafficSource.KeywordMaxLength);
        builder.Property(p => p.ReferrerHost).HasMaxLength(255);
        builder.Property(p => p.KeyPageType).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Browser).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.OperatingSystem).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Terminal).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Region).HasMaxLength(64);
        builder.Property(p => p.Ip).HasMaxLength(64);
        builder.HasOne<Visitor>().WithMany().HasForeignKey(p => p.VisitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.VisitorId, p.ViewedAt });
    }
}

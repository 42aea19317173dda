using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class FaqItemConfiguration : IEntityTypeConfiguration<FaqItem>
{
    public void Configure(EntityTypeBuilder<FaqItem> builder)
    {
        builder.Property(f => f.Question).HasMaxLength(FaqItem.QuestionMaxLength).IsRequired();
        builder.Property(f => f.Answer).HasMaxLength(FaqItem.AnswerMaxLength).IsRequired();
        builder.HasIndex(f => f.SortOrder);
    }
}

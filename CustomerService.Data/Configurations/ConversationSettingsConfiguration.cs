using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ConversationSettingsConfiguration : IEntityTypeConfiguration<ConversationSettings>
{
    public void Configure(EntityTypeBuilder<ConversationSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.WelcomeText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Property(s => s.VisitorNoReplyText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Property(s => s.AgentWaitText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Ignore(s => s.Evaluation);
        builder.Ignore(s => s.WaitThresholds);
        builder.Property(s => s.CustomTabTitle).HasMaxLength(ConversationSettings.CustomTabTitleMaxLength);
        builder.Property(s => s.CustomTabText).HasMaxLength(ConversationSettings.CustomTabTextMaxLength);
        builder.Property(s => s.CustomTabUrl).HasMaxLength(ConversationSettings.CustomTabUrlMaxLength);
        builder.HasData(ConversationSettings.CreateDefault());
    }
}

using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class AgentAutoReplyConfiguration : IEntityTypeConfiguration<AgentAutoReply>
{
    public void Configure(EntityTypeBuilder<AgentAutoReply> builder)
    {
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).ValueGeneratedNever();
        builder.Property(a => a.WelcomeText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Property(a => a.VisitorNoReplyText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Property(a => a.AgentWaitText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
    }
}

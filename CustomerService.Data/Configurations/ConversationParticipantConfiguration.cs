using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> builder)
    {
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.ConversationId);
        builder.HasIndex(p => new { p.AgentId, p.JoinedAt });
    }
}

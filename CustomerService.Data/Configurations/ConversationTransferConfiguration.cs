using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ConversationTransferConfiguration : IEntityTypeConfiguration<ConversationTransfer>
{
    public void Configure(EntityTypeBuilder<ConversationTransfer> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ConversationId);
        builder.HasIndex(t => new { t.FromAgentId, t.RequestedAt });
    }
}

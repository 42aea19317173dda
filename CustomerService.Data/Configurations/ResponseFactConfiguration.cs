using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ResponseFactConfiguration : IEntityTypeConfiguration<ResponseFact>
{
    public void Configure(EntityTypeBuilder<ResponseFact> builder)
    {
        builder.HasOne<Conversation>().WithMany().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ConversationId);
        builder.HasIndex(f => new { f.AgentId, f.AnsweredAt });
    }
}

using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ConversationQueueEntryConfiguration : IEntityTypeConfiguration<ConversationQueueEntry>
{
    public void Configure(EntityTypeBuilder<ConversationQueueEntry> builder)
    {
        builder.ToTable("QueueEntries");
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.Wait);
        builder.HasIndex(e => e.ConversationId);
        // Queue reports (排队分析) read the entries of a period by the time they entered the queue.
        builder.HasIndex(e => new { e.EnteredAt, e.ReceptionGroupId });
    }
}

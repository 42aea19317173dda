using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Sender).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Text).HasMaxLength(ChatMessage.TextMaxLength).IsRequired();
        builder.Property(m => m.SenderName).HasMaxLength(64);
        builder.Property(m => m.Notice).HasMaxLength(32);
        builder.Property(m => m.ClientId).HasMaxLength(ChatMessage.ClientIdMaxLength);
        builder.Property(m => m.FileName).HasMaxLength(255);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.StorageKey).HasMaxLength(200);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.ClientId }).IsUnique();
    }
}

using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class LeaveMessageConfiguration : IEntityTypeConfiguration<LeaveMessage>
{
    public void Configure(EntityTypeBuilder<LeaveMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(64);
        builder.Property(m => m.Phone).HasMaxLength(32);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Property(m => m.Content).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.Reply).HasMaxLength(LeaveMessage.ReplyMaxLength);
        builder.Ignore(m => m.IsHandled);
        builder.HasIndex(m => new { m.ReceptionGroupId, m.CreatedAt });
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => new { m.ResponsibleAgentId, m.CreatedAt });
    }
}

using CustomerService.Domain.Invitations;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        // Ids come from the engine, like conversations', so an invitation is announced with its id before it is saved.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Text).HasMaxLength(Invitation.TextMaxLength).IsRequired();
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Visitor>().WithMany().HasForeignKey(i => i.VisitorId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.IsPending);

        // Recovery loads the pending ones; the agent's list reads his latest; reports find a conversation's invitation.
        builder.HasIndex(i => i.State);
        builder.HasIndex(i => new { i.AgentId, i.CreatedAt });
        builder.HasIndex(i => i.VisitorId);
        builder.HasIndex(i => i.ConversationId);
    }
}

using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

// Conversation rows reference accounts without foreign keys on purpose: history must outlive staff changes, and
// account deletion is refused once an account has conversations (it is disabled instead).
internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        // The engine is the only writer and numbers rows itself, so it can announce ids in the same batch it stores them.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.QueueOutcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AssignmentReason).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.EndReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.EvaluationLevel).HasConversion<int?>();
        builder.Property(c => c.StartPageUrl).HasMaxLength(2000);
        builder.Property(c => c.StartPageTitle).HasMaxLength(200);
        builder.Property(c => c.Referrer).HasMaxLength(2000);
        builder.Property(c => c.VisitorIp).HasMaxLength(64);
        builder.Property(c => c.EvaluationComment).HasMaxLength(500);
        builder.Property(c => c.ProductName).HasMaxLength(200);
        builder.Property(c => c.ProductUrl).HasMaxLength(2000);
        builder.Property(c => c.ProductImageUrl).HasMaxLength(2000);
        builder.Property(c => c.ProductPrice).HasMaxLength(32);
        builder.HasOne<Visitor>().WithMany().HasForeignKey(c => c.VisitorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.State);
        builder.HasIndex(c => new { c.VisitorId, c.RequestedAt });
        builder.HasIndex(c => new { c.AgentId, c.RequestedAt });
        builder.HasIndex(c => new { c.ReceptionGroupId, c.RequestedAt });
        builder.Ignore(c => c.Validity);
        builder.Ignore(c => c.Evaluation);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.IsSummarized);

        // The aggregate owns its participants (a private list); EF reads and writes the field. Same table and foreign
        // key as before the navigation existed, so the schema did not change.
        builder.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.ActiveParticipants);

        // The pending offer is a row of its own table (ConversationTransfers); the engine stores it and restores it
        // into the aggregate at recovery, so it is not a navigation.
        builder.Ignore(c => c.PendingTransfer);
        builder.Property(c => c.SummaryNote).HasMaxLength(ConsultationSummaryRules.NoteMaxLength);
        builder.HasIndex(c => new { c.AgentId, c.SummarizedAt });
    }
}

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

internal sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> builder)
    {
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.ConversationId);
        builder.HasIndex(p => new { p.AgentId, p.JoinedAt });
    }
}

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

internal sealed class ResponseFactConfiguration : IEntityTypeConfiguration<ResponseFact>
{
    public void Configure(EntityTypeBuilder<ResponseFact> builder)
    {
        builder.HasOne<Conversation>().WithMany().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ConversationId);
        builder.HasIndex(f => new { f.AgentId, f.AnsweredAt });
    }
}

internal sealed class AgentStatusPeriodConfiguration : IEntityTypeConfiguration<AgentStatusPeriod>
{
    public void Configure(EntityTypeBuilder<AgentStatusPeriod> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.AgentId, p.StartedAt });
        builder.HasIndex(p => p.EndedAt);
    }
}

internal sealed class BlacklistEntryConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Ip).HasMaxLength(64);
        builder.Property(b => b.Reason).HasMaxLength(BlacklistEntry.ReasonMaxLength).IsRequired();
        builder.HasIndex(b => b.VisitorId);
        builder.HasIndex(b => b.Ip);
        builder.Ignore(b => b.IsActive);
    }
}

internal sealed class PrivateContactConfiguration : IEntityTypeConfiguration<PrivateContact>
{
    public void Configure(EntityTypeBuilder<PrivateContact> builder)
    {
        builder.HasKey(p => p.VisitorId);
        builder.Property(p => p.VisitorId).ValueGeneratedNever();
        builder.HasOne<Visitor>().WithMany().HasForeignKey(p => p.VisitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.AgentId);
    }
}

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
        builder.HasIndex(m => new { m.ResponsibleAgentId, m.CreatedAt });
    }
}

internal sealed class VisitorConfiguration : IEntityTypeConfiguration<Visitor>
{
    public void Configure(EntityTypeBuilder<Visitor> builder)
    {
        builder.Property(v => v.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(v => v.ExternalUserId).HasMaxLength(64);
        builder.Property(v => v.Name).HasMaxLength(64);
        builder.Property(v => v.LastIp).HasMaxLength(64);
        builder.HasIndex(v => v.TokenHash).IsUnique();
        builder.HasIndex(v => v.ExternalUserId);
    }
}

internal sealed class ConversationSettingsConfiguration : IEntityTypeConfiguration<ConversationSettings>
{
    public void Configure(EntityTypeBuilder<ConversationSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.WelcomeText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Property(s => s.VisitorNoReplyText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Property(s => s.AgentWaitText).HasMaxLength(ConversationSettings.AutoReplyMaxLength);
        builder.Ignore(s => s.Evaluation);
        builder.Property(s => s.CustomTabTitle).HasMaxLength(ConversationSettings.CustomTabTitleMaxLength);
        builder.Property(s => s.CustomTabText).HasMaxLength(ConversationSettings.CustomTabTextMaxLength);
        builder.Property(s => s.CustomTabUrl).HasMaxLength(ConversationSettings.CustomTabUrlMaxLength);
        builder.HasData(ConversationSettings.CreateDefault());
    }
}

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

internal sealed class PageViewConfiguration : IEntityTypeConfiguration<PageView>
{
    public void Configure(EntityTypeBuilder<PageView> builder)
    {
        builder.Property(p => p.Url).HasMaxLength(PageView.UrlMaxLength).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(PageView.TitleMaxLength);
        builder.Property(p => p.Referrer).HasMaxLength(PageView.UrlMaxLength);
        builder.Property(p => p.SourceKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.SearchEngine).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Keyword).HasMaxLength(TrafficSource.KeywordMaxLength);
        builder.Property(p => p.ReferrerHost).HasMaxLength(255);
        builder.Property(p => p.KeyPageType).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Browser).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.OperatingSystem).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Terminal).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Region).HasMaxLength(64);
        builder.Property(p => p.Ip).HasMaxLength(64);
        builder.HasOne<Visitor>().WithMany().HasForeignKey(p => p.VisitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.VisitorId, p.ViewedAt });
    }
}

internal sealed class FaqItemConfiguration : IEntityTypeConfiguration<FaqItem>
{
    public void Configure(EntityTypeBuilder<FaqItem> builder)
    {
        builder.Property(f => f.Question).HasMaxLength(FaqItem.QuestionMaxLength).IsRequired();
        builder.Property(f => f.Answer).HasMaxLength(FaqItem.AnswerMaxLength).IsRequired();
        builder.HasIndex(f => f.SortOrder);
    }
}

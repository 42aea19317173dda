using CustomerService.Data.Identity;
using CustomerService.Domain.Branding;
using CustomerService.Domain.Colleagues;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Customers;
using CustomerService.Domain.Exports;
using CustomerService.Domain.Invitations;
using CustomerService.Domain.LeaveMessages;
using CustomerService.Domain.Notifications;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Phrases;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Records;
using CustomerService.Domain.Reporting;
using CustomerService.Domain.Routing;
using CustomerService.Domain.Security;
using CustomerService.Domain.Visitors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data;

/// <summary>
/// The one database of the product, with ASP.NET Core Identity. Each provider has a subclass so that each keeps its
/// own migrations (<see cref="SqliteCustomerServiceDbContext"/>, <see cref="SqlServerCustomerServiceDbContext"/>).
/// </summary>
/// <remarks>
/// After changing the model, add a migration for both providers (from the repository root):
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NAME --project CustomerService.Data --context SqliteCustomerServiceDbContext --output-dir Migrations/Sqlite
/// dotnet ef migrations add NAME --project CustomerService.Data --context SqlServerCustomerServiceDbContext --output-dir Migrations/SqlServer
/// </code>
/// A test fails while either provider has pending model changes.
/// </remarks>
public abstract class CustomerServiceDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountGroup> AccountGroups => Set<AccountGroup>();
    public DbSet<ReceptionGroup> ReceptionGroups => Set<ReceptionGroup>();
    public DbSet<ReceptionGroupMember> ReceptionGroupMembers => Set<ReceptionGroupMember>();
    public DbSet<ConsultationEntry> ConsultationEntries => Set<ConsultationEntry>();
    public DbSet<KeyPage> KeyPages => Set<KeyPage>();
    public DbSet<EnterpriseProfile> EnterpriseProfiles => Set<EnterpriseProfile>();
    public DbSet<Visitor> Visitors => Set<Visitor>();
    public DbSet<PageView> PageViews => Set<PageView>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ChatMessage> Messages => Set<ChatMessage>();
    public DbSet<ConversationParticipant> Participants => Set<ConversationParticipant>();
    public DbSet<ConversationQueueEntry> QueueEntries => Set<ConversationQueueEntry>();
    public DbSet<ConversationTransfer> Transfers => Set<ConversationTransfer>();
    public DbSet<ResponseFact> ResponseFacts => Set<ResponseFact>();
    public DbSet<AgentStatusPeriod> AgentStatusPeriods => Set<AgentStatusPeriod>();
    public DbSet<BlacklistEntry> Blacklist => Set<BlacklistEntry>();
    public DbSet<PrivateContact> PrivateContacts => Set<PrivateContact>();
    public DbSet<LeaveMessage> LeaveMessages => Set<LeaveMessage>();
    public DbSet<GroupRoundRobin> GroupRoundRobins => Set<GroupRoundRobin>();
    public DbSet<ConversationSettings> ConversationSettings => Set<ConversationSettings>();
    public DbSet<AgentAutoReply> AgentAutoReplies => Set<AgentAutoReply>();
    public DbSet<CannedPhraseGroup> CannedPhraseGroups => Set<CannedPhraseGroup>();
    public DbSet<CannedPhrase> CannedPhrases => Set<CannedPhrase>();
    public DbSet<ConsultationType> ConsultationTypes => Set<ConsultationType>();
    public DbSet<LeaveMessageSettings> LeaveMessageSettings => Set<LeaveMessageSettings>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeRecipient> NoticeRecipients => Set<NoticeRecipient>();
    public DbSet<ChatPreferences> ChatPreferences => Set<ChatPreferences>();

    public DbSet<ColumnLayout> ColumnLayouts => Set<ColumnLayout>();
    public DbSet<InternalMessage> InternalMessages => Set<InternalMessage>();
    public DbSet<FaqItem> FaqItems => Set<FaqItem>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerAssignment> CustomerAssignments => Set<CustomerAssignment>();
    public DbSet<CustomField> CustomFields => Set<CustomField>();
    public DbSet<CustomerFieldValue> CustomerFieldValues => Set<CustomerFieldValue>();
    public DbSet<CustomerImport> CustomerImports => Set<CustomerImport>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<RollupRow> RollupRows => Set<RollupRow>();
    public DbSet<RollupDay> RollupDays => Set<RollupDay>();
    public DbSet<RollupDirtyMark> RollupDirtyMarks => Set<RollupDirtyMark>();
    public DbSet<DistinctRollupRow> DistinctRollupRows => Set<DistinctRollupRow>();
    public DbSet<ReportUserKey> ReportUserKeys => Set<ReportUserKey>();
    public DbSet<OriginRollupRow> OriginRollupRows => Set<OriginRollupRow>();
    public DbSet<JobCheckpoint> JobCheckpoints => Set<JobCheckpoint>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<QcStandard> QcStandards => Set<QcStandard>();
    public DbSet<QcStandardVersion> QcStandardVersions => Set<QcStandardVersion>();
    public DbSet<QcGrade> QcGrades => Set<QcGrade>();
    public DbSet<QcSettings> QcSettings => Set<QcSettings>();
    public DbSet<SavedRecordSearch> SavedRecordSearches => Set<SavedRecordSearch>();
    public DbSet<ExportTask> ExportTasks => Set<ExportTask>();
    public DbSet<UnifiedAgentImage> UnifiedAgentImages => Set<UnifiedAgentImage>();
    public DbSet<EmojiGroup> EmojiGroups => Set<EmojiGroup>();
    public DbSet<CustomEmoji> CustomEmojis => Set<CustomEmoji>();
    public DbSet<BrandImage> BrandImages => Set<BrandImage>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<InvitationSettings> InvitationSettings => Set<InvitationSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CustomerServiceDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite cannot compare DateTimeOffset in SQL, so we store DateTime and restore its Kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }
}

public sealed class SqliteCustomerServiceDbContext(DbContextOptions<SqliteCustomerServiceDbContext> options)
    : CustomerServiceDbContext(options)
{
    // Here rather than at registration: every SQLite context — the app's, the design-time one, tests', benchmarks' —
    // needs the function the keyword index's triggers call (Search/MessageSearchSql), or it cannot store a message.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(Search.MessageSearchFunction.Instance);
}

public sealed class SqlServerCustomerServiceDbContext(DbContextOptions<SqlServerCustomerServiceDbContext> options)
    : CustomerServiceDbContext(options);

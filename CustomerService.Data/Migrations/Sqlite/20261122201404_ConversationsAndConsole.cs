using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConversationsAndConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgentAutoReplies",
                columns: table => new
                {
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    WelcomeText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VisitorNoReplyText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AgentWaitText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentAutoReplies", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "AgentStatusPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentStatusPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Blacklist",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftedByAccountId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Blacklist", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CannedPhraseGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedPhraseGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedPhraseGroups_Accounts_OwnerAccountId",
                        column: x => x.OwnerAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatPreferences",
                columns: table => new
                {
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    SendKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NewMessageSound = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForcePopup = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatPreferences", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_ChatPreferences_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 25, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationTypes_ConsultationTypes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ConsultationTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConversationSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    WelcomeText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    VisitorNoReplyText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    VisitorNoReplySeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentWaitText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AgentWaitSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ForceEnterpriseAutoReplies = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdleCloseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitorMayRateUnprompted = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinVisitorMessagesToRate = table.Column<int>(type: "INTEGER", nullable: false),
                    PromptRatingOnVisitorClose = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomTabTitle = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    CustomTabText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CustomTabUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummaryRequiredOnClose = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImageMaxKilobytes = table.Column<int>(type: "INTEGER", nullable: false),
                    FileMaxKilobytes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FaqItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaqItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupRoundRobins",
                columns: table => new
                {
                    ReceptionGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentWeights = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupRoundRobins", x => x.ReceptionGroupId);
                });

            migrationBuilder.CreateTable(
                name: "InternalMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeaveMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceptionGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledByAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeaveMessageSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PhoneMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EmailMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveMessageSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Visitors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsVip = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgentBeforeLastId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visitors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CannedPhrases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PublishedTitle = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PublishedContent = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedPhrases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedPhrases_CannedPhraseGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CannedPhraseGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeRecipients",
                columns: table => new
                {
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeRecipients", x => new { x.NoticeId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceptionGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsVip = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartPageUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartPageTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Referrer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VisitorIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProductUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProductImageUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProductPrice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    QueuedForAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    QueueSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    QueueOutcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DequeuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignmentReason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    EndedByAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorMessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentMessageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastVisitorMessageAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastAgentMessageAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnansweredSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgentWaitReplySent = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisitorNoReplySent = table.Column<bool>(type: "INTEGER", nullable: false),
                    EvaluationLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    EvaluationComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EvaluationInvited = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisitorRatedUnprompted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SummaryTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    SummaryNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummarizedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SummarizedByAccountId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conversations_Visitors_VisitorId",
                        column: x => x.VisitorId,
                        principalTable: "Visitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerProfiles",
                columns: table => new
                {
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedByAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerProfiles", x => x.VisitorId);
                    table.ForeignKey(
                        name: "FK_CustomerProfiles_Visitors_VisitorId",
                        column: x => x.VisitorId,
                        principalTable: "Visitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PageViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Referrer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ViewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SearchEngine = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Keyword = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReferrerHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    KeyPageType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Browser = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OperatingSystem = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Terminal = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PageViews_Visitors_VisitorId",
                        column: x => x.VisitorId,
                        principalTable: "Visitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrivateContacts",
                columns: table => new
                {
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivateContacts", x => x.VisitorId);
                    table.ForeignKey(
                        name: "FK_PrivateContacts_Visitors_VisitorId",
                        column: x => x.VisitorId,
                        principalTable: "Visitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResponseFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResponseMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    IsFirst = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseFacts_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromAgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RespondedByAgentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Transfers_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ConversationSettings",
                columns: new[] { "Id", "AgentWaitSeconds", "AgentWaitText", "CustomTabText", "CustomTabTitle", "CustomTabUrl", "FileMaxKilobytes", "ForceEnterpriseAutoReplies", "IdleCloseMinutes", "ImageMaxKilobytes", "MinVisitorMessagesToRate", "PromptRatingOnVisitorClose", "SummaryRequiredOnClose", "VisitorMayRateUnprompted", "VisitorNoReplySeconds", "VisitorNoReplyText", "WelcomeText" },
                values: new object[] { 1, 60, "客服正在为您查询，请稍候。", null, null, null, 2048, false, 15, 1024, 1, false, false, true, 180, "您好，请问您还在吗？如有问题请随时留言。", "您好，很高兴为您服务，请问有什么可以帮您？" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentStatusPeriods_AgentId_StartedAt",
                table: "AgentStatusPeriods",
                columns: new[] { "AgentId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentStatusPeriods_EndedAt",
                table: "AgentStatusPeriods",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Blacklist_Ip",
                table: "Blacklist",
                column: "Ip");

            migrationBuilder.CreateIndex(
                name: "IX_Blacklist_VisitorId",
                table: "Blacklist",
                column: "VisitorId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedPhraseGroups_OwnerAccountId_Name",
                table: "CannedPhraseGroups",
                columns: new[] { "OwnerAccountId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CannedPhrases_GroupId",
                table: "CannedPhrases",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationTypes_ParentId",
                table: "ConsultationTypes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgentId_RequestedAt",
                table: "Conversations",
                columns: new[] { "AgentId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgentId_SummarizedAt",
                table: "Conversations",
                columns: new[] { "AgentId", "SummarizedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ReceptionGroupId_RequestedAt",
                table: "Conversations",
                columns: new[] { "ReceptionGroupId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_State",
                table: "Conversations",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_VisitorId_RequestedAt",
                table: "Conversations",
                columns: new[] { "VisitorId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerProfiles_Phone",
                table: "CustomerProfiles",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_FaqItems_SortOrder",
                table: "FaqItems",
                column: "SortOrder");

            migrationBuilder.CreateIndex(
                name: "IX_InternalMessages_FromAccountId_ToAccountId_SentAt",
                table: "InternalMessages",
                columns: new[] { "FromAccountId", "ToAccountId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InternalMessages_ToAccountId_ReadAt",
                table: "InternalMessages",
                columns: new[] { "ToAccountId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveMessages_ReceptionGroupId_CreatedAt",
                table: "LeaveMessages",
                columns: new[] { "ReceptionGroupId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveMessages_ResponsibleAgentId_CreatedAt",
                table: "LeaveMessages",
                columns: new[] { "ResponsibleAgentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ConversationId_ClientId",
                table: "Messages",
                columns: new[] { "ConversationId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ConversationId_Seq",
                table: "Messages",
                columns: new[] { "ConversationId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_AccountId_ReadAt",
                table: "NoticeRecipients",
                columns: new[] { "AccountId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_CreatedAt",
                table: "Notices",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PageViews_VisitorId_ViewedAt",
                table: "PageViews",
                columns: new[] { "VisitorId", "ViewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_AgentId_JoinedAt",
                table: "Participants",
                columns: new[] { "AgentId", "JoinedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ConversationId",
                table: "Participants",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_PrivateContacts_AgentId",
                table: "PrivateContacts",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseFacts_AgentId_AnsweredAt",
                table: "ResponseFacts",
                columns: new[] { "AgentId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseFacts_ConversationId",
                table: "ResponseFacts",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_ConversationId",
                table: "Transfers",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_FromAgentId_RequestedAt",
                table: "Transfers",
                columns: new[] { "FromAgentId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Visitors_ExternalUserId",
                table: "Visitors",
                column: "ExternalUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Visitors_TokenHash",
                table: "Visitors",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentAutoReplies");

            migrationBuilder.DropTable(
                name: "AgentStatusPeriods");

            migrationBuilder.DropTable(
                name: "Blacklist");

            migrationBuilder.DropTable(
                name: "CannedPhrases");

            migrationBuilder.DropTable(
                name: "ChatPreferences");

            migrationBuilder.DropTable(
                name: "ConsultationTypes");

            migrationBuilder.DropTable(
                name: "ConversationSettings");

            migrationBuilder.DropTable(
                name: "CustomerProfiles");

            migrationBuilder.DropTable(
                name: "FaqItems");

            migrationBuilder.DropTable(
                name: "GroupRoundRobins");

            migrationBuilder.DropTable(
                name: "InternalMessages");

            migrationBuilder.DropTable(
                name: "LeaveMessages");

            migrationBuilder.DropTable(
                name: "LeaveMessageSettings");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "NoticeRecipients");

            migrationBuilder.DropTable(
                name: "PageViews");

            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropTable(
                name: "PrivateContacts");

            migrationBuilder.DropTable(
                name: "ResponseFacts");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropTable(
                name: "CannedPhraseGroups");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "Visitors");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AttributionWindowDays",
                table: "EnterpriseProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "CustomerProfiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CreatedByAccountId",
                table: "CustomerProfiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstVisitorMessageAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProblemSolved",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JobCheckpoints",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReachedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobCheckpoints", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    AttributedConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttributedRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AttributedReceptionGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrderAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssistingAgentIds = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "RollupDays",
                columns: table => new
                {
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RolledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupDays", x => x.LocalDate);
                });

            migrationBuilder.CreateTable(
                name: "RollupDirtyMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupDirtyMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RollupRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceptionGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Consultations = table.Column<long>(type: "INTEGER", nullable: false),
                    Valid = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorSpoke = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredWithin30s = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationCount = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidMessages = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Responses = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseBucket0 = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseBucket1 = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseBucket2 = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseBucket3 = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseBucket4 = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseBucket5 = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseBucket6 = table.Column<long>(type: "INTEGER", nullable: false),
                    Transfers = table.Column<long>(type: "INTEGER", nullable: false),
                    Summarized = table.Column<long>(type: "INTEGER", nullable: false),
                    CrmAdded = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaveMessages = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaveMessagesHandled = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaveMessagesHandled24h = table.Column<long>(type: "INTEGER", nullable: false),
                    InvalidSpoke = table.Column<long>(type: "INTEGER", nullable: false),
                    InvalidWaitMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    VerySatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    Neutral = table.Column<long>(type: "INTEGER", nullable: false),
                    Dissatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    VeryDissatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<long>(type: "INTEGER", nullable: false),
                    Unresolved = table.Column<long>(type: "INTEGER", nullable: false),
                    OnlineMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    BusyMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    AwayMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsultationOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaidOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    AssistedOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    OrdersWithAssistance = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders24h = table.Column<long>(type: "INTEGER", nullable: false),
                    OrdersSameDay = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders3d = table.Column<long>(type: "INTEGER", nullable: false),
                    PurchasedConsultations = table.Column<long>(type: "INTEGER", nullable: false),
                    Queued = table.Column<long>(type: "INTEGER", nullable: false),
                    QueueServed = table.Column<long>(type: "INTEGER", nullable: false),
                    QueueLeftMessage = table.Column<long>(type: "INTEGER", nullable: false),
                    QueueAbandoned = table.Column<long>(type: "INTEGER", nullable: false),
                    QueueServedWaitMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    QueueMaxWaitMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    QueueAbandonedWaitMilliseconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupRows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveMessages_CreatedAt",
                table: "LeaveMessages",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerProfiles_CreatedAt",
                table: "CustomerProfiles",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_EndedAt",
                table: "Conversations",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_RequestedAt",
                table: "Conversations",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AgentStatusPeriods_StartedAt",
                table: "AgentStatusPeriods",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AttributedConversationId",
                table: "Orders",
                column: "AttributedConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PlacedAt",
                table: "Orders",
                column: "PlacedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_UserId_PlacedAt",
                table: "Orders",
                columns: new[] { "UserId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RollupDirtyMarks_LocalDate",
                table: "RollupDirtyMarks",
                column: "LocalDate");

            migrationBuilder.CreateIndex(
                name: "IX_RollupRows_Hour_LocalDate_AgentId",
                table: "RollupRows",
                columns: new[] { "Hour", "LocalDate", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_RollupRows_LocalDate_Hour_AgentId_ReceptionGroupId",
                table: "RollupRows",
                columns: new[] { "LocalDate", "Hour", "AgentId", "ReceptionGroupId" });

            // Customer details saved before this migration were created by whoever saved them first; the best record
            // left is the last save (the 添加CRM figure of those days counts them then).
            migrationBuilder.Sql("UPDATE CustomerProfiles SET CreatedAt = UpdatedAt, CreatedByAccountId = UpdatedByAccountId WHERE CreatedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobCheckpoints");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "RollupDays");

            migrationBuilder.DropTable(
                name: "RollupDirtyMarks");

            migrationBuilder.DropTable(
                name: "RollupRows");

            migrationBuilder.DropIndex(
                name: "IX_LeaveMessages_CreatedAt",
                table: "LeaveMessages");

            migrationBuilder.DropIndex(
                name: "IX_CustomerProfiles_CreatedAt",
                table: "CustomerProfiles");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_EndedAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_RequestedAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_AgentStatusPeriods_StartedAt",
                table: "AgentStatusPeriods");

            migrationBuilder.DropColumn(
                name: "AttributionWindowDays",
                table: "EnterpriseProfiles");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "CustomerProfiles");

            migrationBuilder.DropColumn(
                name: "CreatedByAccountId",
                table: "CustomerProfiles");

            migrationBuilder.DropColumn(
                name: "FirstVisitorMessageAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ProblemSolved",
                table: "Conversations");
        }
    }
}

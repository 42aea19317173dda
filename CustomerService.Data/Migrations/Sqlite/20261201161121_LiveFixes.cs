using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WaitAmberSeconds",
                table: "ConversationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WaitRedSeconds",
                table: "ConversationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "QueueEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceptionGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuedForAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AfterAgentLost = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueEntries_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "ConversationSettings",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "WaitAmberSeconds", "WaitRedSeconds" },
                values: new object[] { 30, 60 });

            migrationBuilder.CreateIndex(
                name: "IX_QueueEntries_ConversationId",
                table: "QueueEntries",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_QueueEntries_EnteredAt_ReceptionGroupId",
                table: "QueueEntries",
                columns: new[] { "EnteredAt", "ReceptionGroupId" });

            // One queue entry for every conversation queued before entries were records of their own.
            migrationBuilder.Sql(CustomerService.Data.Queue.QueueEntryBackfillSql.FromConversations);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QueueEntries");

            migrationBuilder.DropColumn(
                name: "WaitAmberSeconds",
                table: "ConversationSettings");

            migrationBuilder.DropColumn(
                name: "WaitRedSeconds",
                table: "ConversationSettings");
        }
    }
}

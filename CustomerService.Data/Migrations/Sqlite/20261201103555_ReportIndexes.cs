using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Orders_Reporting",
                table: "Orders",
                columns: new[] { "PlacedAt", "Type", "Status", "OrderAgentId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_InvalidWaits",
                table: "Conversations",
                columns: new[] { "RequestedAt", "AgentId", "EndedAt", "FirstVisitorMessageAt" },
                filter: "AgentId IS NOT NULL AND VisitorMessageCount > 0 AND AgentMessageCount = 0");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ValidUsers",
                table: "Conversations",
                columns: new[] { "RequestedAt", "AgentId", "VisitorId" },
                filter: "AgentId IS NOT NULL AND VisitorMessageCount > 0 AND AgentMessageCount > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_Reporting",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_InvalidWaits",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_ValidUsers",
                table: "Conversations");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ConsultationTypeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_SummaryTypes",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SummaryTypes",
                table: "Conversations",
                columns: new[] { "SummaryTypeId", "RequestedAt", "AgentId", "AssignedAt", "SummarizedAt", "VisitorMessageCount", "AgentMessageCount" },
                filter: "SummaryTypeId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_SummaryTypes",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SummaryTypes",
                table: "Conversations",
                columns: new[] { "RequestedAt", "AgentId", "AssignedAt", "SummaryTypeId", "SummarizedAt", "VisitorMessageCount", "AgentMessageCount" },
                filter: "SummaryTypeId IS NOT NULL");
        }
    }
}

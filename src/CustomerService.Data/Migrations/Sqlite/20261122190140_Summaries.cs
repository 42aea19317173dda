using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Summaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SummaryRequiredOnClose",
                table: "ConversationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "SummarizedAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SummarizedByAccountId",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryNote",
                table: "Conversations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SummaryTypeId",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "ConversationSettings",
                keyColumn: "Id",
                keyValue: 1,
                column: "SummaryRequiredOnClose",
                value: false);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AgentId_SummarizedAt",
                table: "Conversations",
                columns: new[] { "AgentId", "SummarizedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_AgentId_SummarizedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SummaryRequiredOnClose",
                table: "ConversationSettings");

            migrationBuilder.DropColumn(
                name: "SummarizedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SummarizedByAccountId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SummaryNote",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SummaryTypeId",
                table: "Conversations");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistinctRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DistinctRollupRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ValidUsers = table.Column<byte[]>(type: "BLOB", nullable: false),
                    OrderingUsers = table.Column<byte[]>(type: "BLOB", nullable: false),
                    InvalidWaits = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistinctRollupRows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportUserKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportUserKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DistinctRollupRows_LocalDate_AgentId",
                table: "DistinctRollupRows",
                columns: new[] { "LocalDate", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportUserKeys_Key",
                table: "ReportUserKeys",
                column: "Key",
                unique: true);

            // Every rolled day is rolled again by the backlog job, which fills the new rows; until then reports read it from facts.
            migrationBuilder.Sql(CustomerService.Data.Reporting.RollupRecount.MarkEveryRolledDay);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DistinctRollupRows");

            migrationBuilder.DropTable(
                name: "ReportUserKeys");
        }
    }
}

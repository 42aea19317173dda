using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OriginRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OriginRollupRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Tally = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OriginRollupRows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OriginRollupRows_LocalDate_AgentId",
                table: "OriginRollupRows",
                columns: new[] { "LocalDate", "AgentId" });

            // Every rolled day is rolled again by the backlog job, which fills the new rows; until then reports read it from facts.
            migrationBuilder.Sql(CustomerService.Data.Reporting.RollupRecount.MarkEveryRolledDay);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OriginRollupRows");
        }
    }
}

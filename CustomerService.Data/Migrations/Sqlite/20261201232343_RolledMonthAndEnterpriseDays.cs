using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RolledMonthAndEnterpriseDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DistinctRollupRows_LocalDate_AgentId",
                table: "DistinctRollupRows");

            migrationBuilder.AddColumn<int>(
                name: "Span",
                table: "DistinctRollupRows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_DistinctRollupRows_LocalDate_Span_AgentId",
                table: "DistinctRollupRows",
                columns: new[] { "LocalDate", "Span", "AgentId" });

            // Rolled days hold neither enterprise-day rows nor agents' month sets yet: re-roll them (reports read the
            // marked days from facts meanwhile).
            migrationBuilder.Sql(CustomerService.Data.Reporting.RollupRecount.MarkEveryRolledDay);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DistinctRollupRows_LocalDate_Span_AgentId",
                table: "DistinctRollupRows");

            migrationBuilder.DropColumn(
                name: "Span",
                table: "DistinctRollupRows");

            migrationBuilder.CreateIndex(
                name: "IX_DistinctRollupRows_LocalDate_AgentId",
                table: "DistinctRollupRows",
                columns: new[] { "LocalDate", "AgentId" });
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SaleKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AfterSaleConsultations",
                table: "RollupRows",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "ConsultationTypes",
                type: "datetime2",
                nullable: true);

            // 售后咨询 is a new rollup counter: re-roll every stored day (the report service reads facts until then).
            migrationBuilder.Sql(CustomerService.Data.Reporting.RollupRecount.MarkEveryRolledDay);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AfterSaleConsultations",
                table: "RollupRows");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "ConsultationTypes");
        }
    }
}

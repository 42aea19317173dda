using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChatWindowContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomTabText",
                table: "ConversationSettings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomTabTitle",
                table: "ConversationSettings",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomTabUrl",
                table: "ConversationSettings",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FaqItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Question = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaqItems", x => x.Id);
                });

            migrationBuilder.UpdateData(
                table: "ConversationSettings",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "CustomTabText", "CustomTabTitle", "CustomTabUrl" },
                values: new object[] { null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_FaqItems_SortOrder",
                table: "FaqItems",
                column: "SortOrder");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaqItems");

            migrationBuilder.DropColumn(
                name: "CustomTabText",
                table: "ConversationSettings");

            migrationBuilder.DropColumn(
                name: "CustomTabTitle",
                table: "ConversationSettings");

            migrationBuilder.DropColumn(
                name: "CustomTabUrl",
                table: "ConversationSettings");
        }
    }
}

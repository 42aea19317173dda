using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomTabTitle",
                table: "ConversationSettings",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomTabUrl",
                table: "ConversationSettings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FaqItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
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

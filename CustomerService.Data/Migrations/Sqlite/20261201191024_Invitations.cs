using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Invitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Visitors_VisitorId",
                        column: x => x.VisitorId,
                        principalTable: "Visitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvitationSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LifetimeSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoInviteEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutoInvitePageContains = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AutoInviteAfterSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationSettings", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "InvitationSettings",
                columns: new[] { "Id", "AutoInviteAfterSeconds", "AutoInviteEnabled", "AutoInvitePageContains", "DefaultText", "LifetimeSeconds" },
                values: new object[] { 1, 30, false, null, "您好，有什么可以帮您的吗？点击接受即可与我在线交流。", 60 });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_AgentId_CreatedAt",
                table: "Invitations",
                columns: new[] { "AgentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ConversationId",
                table: "Invitations",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_State",
                table: "Invitations",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_VisitorId",
                table: "Invitations",
                column: "VisitorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "InvitationSettings");
        }
    }
}

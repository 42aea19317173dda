using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ConsoleSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CannedPhraseGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OwnerAccountId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedPhraseGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedPhraseGroups_Accounts_OwnerAccountId",
                        column: x => x.OwnerAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatPreferences",
                columns: table => new
                {
                    AccountId = table.Column<int>(type: "int", nullable: false),
                    SendKey = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    NewMessageSound = table.Column<bool>(type: "bit", nullable: false),
                    ForcePopup = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatPreferences", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_ChatPreferences_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ParentId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(25)", maxLength: 25, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationTypes_ConsultationTypes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ConsultationTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeaveMessageSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    NameMode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PhoneMode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    EmailMode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ContentMode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Notice = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveMessageSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TargetId = table.Column<int>(type: "int", nullable: true),
                    AuthorAccountId = table.Column<int>(type: "int", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CannedPhrases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GroupId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    PublishedTitle = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    PublishedContent = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedPhrases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedPhrases_CannedPhraseGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CannedPhraseGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeRecipients",
                columns: table => new
                {
                    NoticeId = table.Column<int>(type: "int", nullable: false),
                    AccountId = table.Column<int>(type: "int", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeRecipients", x => new { x.NoticeId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CannedPhraseGroups_OwnerAccountId_Name",
                table: "CannedPhraseGroups",
                columns: new[] { "OwnerAccountId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CannedPhrases_GroupId",
                table: "CannedPhrases",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationTypes_ParentId",
                table: "ConsultationTypes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_AccountId_ReadAt",
                table: "NoticeRecipients",
                columns: new[] { "AccountId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_CreatedAt",
                table: "Notices",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CannedPhrases");

            migrationBuilder.DropTable(
                name: "ChatPreferences");

            migrationBuilder.DropTable(
                name: "ConsultationTypes");

            migrationBuilder.DropTable(
                name: "LeaveMessageSettings");

            migrationBuilder.DropTable(
                name: "NoticeRecipients");

            migrationBuilder.DropTable(
                name: "CannedPhraseGroups");

            migrationBuilder.DropTable(
                name: "Notices");
        }
    }
}

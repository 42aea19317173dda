using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    SendKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NewMessageSound = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForcePopup = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 25, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PhoneMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EmailMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveMessageSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CannedPhrases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PublishedTitle = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PublishedContent = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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

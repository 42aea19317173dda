using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Qc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "QcExcellent",
                table: "RollupRows",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "QcGood",
                table: "RollupRows",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "QcGraded",
                table: "RollupRows",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "QcPass",
                table: "RollupRows",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "QcPoor",
                table: "RollupRows",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<decimal>(
                name: "QcScoreSum",
                table: "RollupRows",
                type: "decimal(20,6)",
                precision: 20,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "QcSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    DisputeDays = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QcSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QcStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IsDefault = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QcStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QcStandardVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StandardId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QcStandardVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QcStandardVersions_QcStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "QcStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QcDimensions",
                columns: table => new
                {
                    Position = table.Column<int>(type: "int", nullable: false),
                    VersionId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    MaxScore = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AllowsNotApplicable = table.Column<bool>(type: "bit", nullable: false),
                    IsCritical = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QcDimensions", x => new { x.VersionId, x.Position });
                    table.ForeignKey(
                        name: "FK_QcDimensions_QcStandardVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "QcStandardVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QcGrades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    AgentId = table.Column<int>(type: "int", nullable: false),
                    ConversationRequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    InspectorId = table.Column<int>(type: "int", nullable: false),
                    StandardVersionId = table.Column<int>(type: "int", nullable: false),
                    Scores = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Points = table.Column<int>(type: "int", nullable: false),
                    Possible = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    GradedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DisputeState = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DisputeReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DisputedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnswerComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RevisedScores = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RevisedPoints = table.Column<int>(type: "int", nullable: true),
                    RevisedPossible = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QcGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QcGrades_Accounts_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QcGrades_Accounts_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QcGrades_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QcGrades_QcStandardVersions_StandardVersionId",
                        column: x => x.StandardVersionId,
                        principalTable: "QcStandardVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "QcSettings",
                columns: new[] { "Id", "DisputeDays" },
                values: new object[] { 1, 7 });

            migrationBuilder.CreateIndex(
                name: "IX_QcGrades_AgentId_GradedAt",
                table: "QcGrades",
                columns: new[] { "AgentId", "GradedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QcGrades_ConversationId_InspectorId",
                table: "QcGrades",
                columns: new[] { "ConversationId", "InspectorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QcGrades_DisputeState_DisputedAt",
                table: "QcGrades",
                columns: new[] { "DisputeState", "DisputedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QcGrades_InspectorId_GradedAt",
                table: "QcGrades",
                columns: new[] { "InspectorId", "GradedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QcGrades_Reporting",
                table: "QcGrades",
                columns: new[] { "ConversationRequestedAt", "ConversationId", "Points", "Possible", "RevisedPoints", "RevisedPossible" });

            migrationBuilder.CreateIndex(
                name: "IX_QcGrades_StandardVersionId",
                table: "QcGrades",
                column: "StandardVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_QcStandards_Name",
                table: "QcStandards",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QcStandardVersions_StandardId_Number",
                table: "QcStandardVersions",
                columns: new[] { "StandardId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QcDimensions");

            migrationBuilder.DropTable(
                name: "QcGrades");

            migrationBuilder.DropTable(
                name: "QcSettings");

            migrationBuilder.DropTable(
                name: "QcStandardVersions");

            migrationBuilder.DropTable(
                name: "QcStandards");

            migrationBuilder.DropColumn(
                name: "QcExcellent",
                table: "RollupRows");

            migrationBuilder.DropColumn(
                name: "QcGood",
                table: "RollupRows");

            migrationBuilder.DropColumn(
                name: "QcGraded",
                table: "RollupRows");

            migrationBuilder.DropColumn(
                name: "QcPass",
                table: "RollupRows");

            migrationBuilder.DropColumn(
                name: "QcPoor",
                table: "RollupRows");

            migrationBuilder.DropColumn(
                name: "QcScoreSum",
                table: "RollupRows");
        }
    }
}

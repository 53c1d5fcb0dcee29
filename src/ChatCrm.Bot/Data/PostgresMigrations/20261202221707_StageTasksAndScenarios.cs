using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChatCrm.Bot.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class StageTasksAndScenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScenarioSkips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    StageId = table.Column<long>(type: "bigint", nullable: false),
                    StageName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Steps = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioSkips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScenarioSkips_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScenarioSkips_Stages_StageId",
                        column: x => x.StageId,
                        principalTable: "Stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScenarioSkips_Users_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<long>(type: "bigint", nullable: false),
                    SegmentId = table.Column<long>(type: "bigint", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    WorkTypeId = table.Column<long>(type: "bigint", nullable: false),
                    WithinDays = table.Column<int>(type: "integer", nullable: true),
                    IsRequired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScenarioSteps_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScenarioSteps_Stages_StageId",
                        column: x => x.StageId,
                        principalTable: "Stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScenarioSteps_WorkTypes_WorkTypeId",
                        column: x => x.WorkTypeId,
                        principalTable: "WorkTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StageTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    StageId = table.Column<long>(type: "bigint", nullable: false),
                    StageName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    UserId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TakenByUserId = table.Column<long>(type: "bigint", nullable: true),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageTasks_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StageTasks_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StageTasks_Stages_StageId",
                        column: x => x.StageId,
                        principalTable: "Stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StageTasks_Users_ClosedByUserId",
                        column: x => x.ClosedByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StageTasks_Users_TakenByUserId",
                        column: x => x.TakenByUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StageTasks_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSkips_At",
                table: "ScenarioSkips",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSkips_ByUserId",
                table: "ScenarioSkips",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSkips_DealId",
                table: "ScenarioSkips",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSkips_StageId",
                table: "ScenarioSkips",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSteps_SegmentId",
                table: "ScenarioSteps",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSteps_StageId_SegmentId_Position",
                table: "ScenarioSteps",
                columns: new[] { "StageId", "SegmentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSteps_WorkTypeId",
                table: "ScenarioSteps",
                column: "WorkTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_StageTasks_ClosedByUserId",
                table: "StageTasks",
                column: "ClosedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_StageTasks_DealId_Status",
                table: "StageTasks",
                columns: new[] { "DealId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_StageTasks_DepartmentId",
                table: "StageTasks",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_StageTasks_StageId_Status",
                table: "StageTasks",
                columns: new[] { "StageId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_StageTasks_Status_DepartmentId_UserId",
                table: "StageTasks",
                columns: new[] { "Status", "DepartmentId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_StageTasks_TakenByUserId",
                table: "StageTasks",
                column: "TakenByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_StageTasks_UserId",
                table: "StageTasks",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScenarioSkips");

            migrationBuilder.DropTable(
                name: "ScenarioSteps");

            migrationBuilder.DropTable(
                name: "StageTasks");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class Schedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientNudges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstNudgedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastNudgedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Nudges = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SnoozedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SnoozeReason = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientNudges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientNudges_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClientNudges_Users_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OpenedAt",
                table: "Deals",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Status_StageId_Amount_ClientId",
                table: "Deals",
                columns: new[] { "Status", "StageId", "Amount", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_Status_PlannedFor",
                table: "Activities",
                columns: new[] { "Status", "PlannedFor" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientNudges_ClientId",
                table: "ClientNudges",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientNudges_EscalatedAt_FirstNudgedAt",
                table: "ClientNudges",
                columns: new[] { "EscalatedAt", "FirstNudgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientNudges_OwnerUserId",
                table: "ClientNudges",
                column: "OwnerUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientNudges");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OpenedAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Status_StageId_Amount_ClientId",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Activities_Status_PlannedFor",
                table: "Activities");
        }
    }
}

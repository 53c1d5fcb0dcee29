using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenameActivitiesToTouches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "Activities", newName: "Touches");
            migrationBuilder.RenameIndex(name: "IX_Activities_ClientId_Status_HappenedAt", table: "Touches", newName: "IX_Touches_ClientId_Status_HappenedAt");
            migrationBuilder.RenameIndex(name: "IX_Activities_DealId", table: "Touches", newName: "IX_Touches_DealId");
            migrationBuilder.RenameIndex(name: "IX_Activities_Status_PlannedFor", table: "Touches", newName: "IX_Touches_Status_PlannedFor");
            migrationBuilder.RenameIndex(name: "IX_Activities_UserId_Status_HappenedAt", table: "Touches", newName: "IX_Touches_UserId_Status_HappenedAt");
            migrationBuilder.RenameIndex(name: "IX_Activities_UserId_Status_PlannedFor", table: "Touches", newName: "IX_Touches_UserId_Status_PlannedFor");
            migrationBuilder.RenameIndex(name: "IX_Activities_WorkTypeId", table: "Touches", newName: "IX_Touches_WorkTypeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "Touches", newName: "Activities");
            migrationBuilder.RenameIndex(name: "IX_Touches_ClientId_Status_HappenedAt", table: "Activities", newName: "IX_Activities_ClientId_Status_HappenedAt");
            migrationBuilder.RenameIndex(name: "IX_Touches_DealId", table: "Activities", newName: "IX_Activities_DealId");
            migrationBuilder.RenameIndex(name: "IX_Touches_Status_PlannedFor", table: "Activities", newName: "IX_Activities_Status_PlannedFor");
            migrationBuilder.RenameIndex(name: "IX_Touches_UserId_Status_HappenedAt", table: "Activities", newName: "IX_Activities_UserId_Status_HappenedAt");
            migrationBuilder.RenameIndex(name: "IX_Touches_UserId_Status_PlannedFor", table: "Activities", newName: "IX_Activities_UserId_Status_PlannedFor");
            migrationBuilder.RenameIndex(name: "IX_Touches_WorkTypeId", table: "Activities", newName: "IX_Activities_WorkTypeId");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChatCrm.Bot.Data.PostgresMigrations
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
            migrationBuilder.Sql("ALTER TABLE \"Touches\" RENAME CONSTRAINT \"PK_Activities\" TO \"PK_Touches\";");
            migrationBuilder.Sql("ALTER TABLE \"Touches\" RENAME CONSTRAINT \"FK_Activities_Clients_ClientId\" TO \"FK_Touches_Clients_ClientId\";");
            migrationBuilder.Sql("ALTER TABLE \"Touches\" RENAME CONSTRAINT \"FK_Activities_Deals_DealId\" TO \"FK_Touches_Deals_DealId\";");
            migrationBuilder.Sql("ALTER TABLE \"Touches\" RENAME CONSTRAINT \"FK_Activities_Users_UserId\" TO \"FK_Touches_Users_UserId\";");
            migrationBuilder.Sql("ALTER TABLE \"Touches\" RENAME CONSTRAINT \"FK_Activities_WorkTypes_WorkTypeId\" TO \"FK_Touches_WorkTypes_WorkTypeId\";");
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
            migrationBuilder.Sql("ALTER TABLE \"Activities\" RENAME CONSTRAINT \"PK_Touches\" TO \"PK_Activities\";");
            migrationBuilder.Sql("ALTER TABLE \"Activities\" RENAME CONSTRAINT \"FK_Touches_Clients_ClientId\" TO \"FK_Activities_Clients_ClientId\";");
            migrationBuilder.Sql("ALTER TABLE \"Activities\" RENAME CONSTRAINT \"FK_Touches_Deals_DealId\" TO \"FK_Activities_Deals_DealId\";");
            migrationBuilder.Sql("ALTER TABLE \"Activities\" RENAME CONSTRAINT \"FK_Touches_Users_UserId\" TO \"FK_Activities_Users_UserId\";");
            migrationBuilder.Sql("ALTER TABLE \"Activities\" RENAME CONSTRAINT \"FK_Touches_WorkTypes_WorkTypeId\" TO \"FK_Activities_WorkTypes_WorkTypeId\";");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Touches_UserId_Status_HappenedAt",
                table: "Touches");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OpenedAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerUserId_Status_StageId",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Status_ClosedAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Status_StageId_Amount_ClientId",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Touches_Status_HappenedAt_UserId_WorkTypeId_ClientId",
                table: "Touches",
                columns: new[] { "Status", "HappenedAt", "UserId", "WorkTypeId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_UserId_Status_HappenedAt_WorkTypeId",
                table: "Touches",
                columns: new[] { "UserId", "Status", "HappenedAt", "WorkTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_Kind_At_DealId_Amount",
                table: "Obligations",
                columns: new[] { "Kind", "At", "DealId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OpenedAt_OwnerUserId_ClosedAt_ClientId",
                table: "Deals",
                columns: new[] { "OpenedAt", "OwnerUserId", "ClosedAt", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerUserId_Status_StageId_Amount",
                table: "Deals",
                columns: new[] { "OwnerUserId", "Status", "StageId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Status_ClosedAt_OwnerUserId_OpenedAt",
                table: "Deals",
                columns: new[] { "Status", "ClosedAt", "OwnerUserId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Status_StageId_Amount_ClientId_ExpectedCloseAt_OwnerUserId",
                table: "Deals",
                columns: new[] { "Status", "StageId", "Amount", "ClientId", "ExpectedCloseAt", "OwnerUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Touches_Status_HappenedAt_UserId_WorkTypeId_ClientId",
                table: "Touches");

            migrationBuilder.DropIndex(
                name: "IX_Touches_UserId_Status_HappenedAt_WorkTypeId",
                table: "Touches");

            migrationBuilder.DropIndex(
                name: "IX_Obligations_Kind_At_DealId_Amount",
                table: "Obligations");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OpenedAt_OwnerUserId_ClosedAt_ClientId",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerUserId_Status_StageId_Amount",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Status_ClosedAt_OwnerUserId_OpenedAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Status_StageId_Amount_ClientId_ExpectedCloseAt_OwnerUserId",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Touches_UserId_Status_HappenedAt",
                table: "Touches",
                columns: new[] { "UserId", "Status", "HappenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OpenedAt",
                table: "Deals",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerUserId_Status_StageId",
                table: "Deals",
                columns: new[] { "OwnerUserId", "Status", "StageId" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Status_ClosedAt",
                table: "Deals",
                columns: new[] { "Status", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Status_StageId_Amount_ClientId",
                table: "Deals",
                columns: new[] { "Status", "StageId", "Amount", "ClientId" });
        }
    }
}

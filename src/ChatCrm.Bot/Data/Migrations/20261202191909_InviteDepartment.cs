using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class InviteDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DepartmentId",
                table: "Invites",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invites_DepartmentId",
                table: "Invites",
                column: "DepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Invites_Departments_DepartmentId",
                table: "Invites",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invites_Departments_DepartmentId",
                table: "Invites");

            migrationBuilder.DropIndex(
                name: "IX_Invites_DepartmentId",
                table: "Invites");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "Invites");
        }
    }
}

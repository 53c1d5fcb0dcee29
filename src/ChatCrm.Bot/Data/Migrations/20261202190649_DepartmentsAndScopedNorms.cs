using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentsAndScopedNorms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Norms_WorkTypeId_Period",
                table: "Norms");

            migrationBuilder.AddColumn<long>(
                name: "DepartmentId",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnerDepartmentId",
                table: "Stages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnerUserId",
                table: "Stages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DepartmentId",
                table: "Norms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UserId",
                table: "Norms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IsSales = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Users_DepartmentId",
                table: "Users",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Stages_OwnerDepartmentId",
                table: "Stages",
                column: "OwnerDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Stages_OwnerUserId",
                table: "Stages",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Norms_Company",
                table: "Norms",
                columns: new[] { "WorkTypeId", "Period" },
                unique: true,
                filter: "\"UserId\" IS NULL AND \"DepartmentId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Norms_Department",
                table: "Norms",
                columns: new[] { "WorkTypeId", "Period", "DepartmentId" },
                unique: true,
                filter: "\"DepartmentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Norms_DepartmentId",
                table: "Norms",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Norms_User",
                table: "Norms",
                columns: new[] { "WorkTypeId", "Period", "UserId" },
                unique: true,
                filter: "\"UserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Norms_UserId",
                table: "Norms",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Norms_Departments_DepartmentId",
                table: "Norms",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Norms_Users_UserId",
                table: "Norms",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Stages_Departments_OwnerDepartmentId",
                table: "Stages",
                column: "OwnerDepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Stages_Users_OwnerUserId",
                table: "Stages",
                column: "OwnerUserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Users_Departments_DepartmentId",
                table: "Users",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Norms_Departments_DepartmentId",
                table: "Norms");

            migrationBuilder.DropForeignKey(
                name: "FK_Norms_Users_UserId",
                table: "Norms");

            migrationBuilder.DropForeignKey(
                name: "FK_Stages_Departments_OwnerDepartmentId",
                table: "Stages");

            migrationBuilder.DropForeignKey(
                name: "FK_Stages_Users_OwnerUserId",
                table: "Stages");

            migrationBuilder.DropForeignKey(
                name: "FK_Users_Departments_DepartmentId",
                table: "Users");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_Users_DepartmentId",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Stages_OwnerDepartmentId",
                table: "Stages");

            migrationBuilder.DropIndex(
                name: "IX_Stages_OwnerUserId",
                table: "Stages");

            migrationBuilder.DropIndex(
                name: "IX_Norms_Company",
                table: "Norms");

            migrationBuilder.DropIndex(
                name: "IX_Norms_Department",
                table: "Norms");

            migrationBuilder.DropIndex(
                name: "IX_Norms_DepartmentId",
                table: "Norms");

            migrationBuilder.DropIndex(
                name: "IX_Norms_User",
                table: "Norms");

            migrationBuilder.DropIndex(
                name: "IX_Norms_UserId",
                table: "Norms");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "OwnerDepartmentId",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "Norms");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "Norms");

            migrationBuilder.CreateIndex(
                name: "IX_Norms_WorkTypeId_Period",
                table: "Norms",
                columns: new[] { "WorkTypeId", "Period" },
                unique: true);
        }
    }
}

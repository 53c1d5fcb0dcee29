using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Bot.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClientSearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SearchKeysVersion",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ClientSearchKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientSearchKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientSearchKeys_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_SearchKeysVersion",
                table: "Clients",
                column: "SearchKeysVersion");

            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchKeys_ClientId",
                table: "ClientSearchKeys",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientSearchKeys_Kind_Value_ClientId",
                table: "ClientSearchKeys",
                columns: new[] { "Kind", "Value", "ClientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientSearchKeys");

            migrationBuilder.DropIndex(
                name: "IX_Clients_SearchKeysVersion",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "SearchKeysVersion",
                table: "Clients");
        }
    }
}

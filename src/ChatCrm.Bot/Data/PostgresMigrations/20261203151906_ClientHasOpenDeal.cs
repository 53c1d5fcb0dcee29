using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Bot.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ClientHasOpenDeal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasOpenDeal",
                table: "Clients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The clients that have an open deal now (Deals.Status 0 = Open), in one statement, before the index is built.
            migrationBuilder.Sql("""UPDATE "Clients" SET "HasOpenDeal" = TRUE WHERE "Id" IN (SELECT "ClientId" FROM "Deals" WHERE "Status" = 0);""");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_OpenDeal",
                table: "Clients",
                columns: new[] { "OwnerUserId", "LastTouchAt", "CreatedAt", "NextContactAt" },
                filter: "\"HasOpenDeal\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_OpenDeal",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "HasOpenDeal",
                table: "Clients");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varn.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UniqueUnitNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_CouncilId",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Departments_CouncilId",
                table: "Departments");

            migrationBuilder.CreateIndex(
                name: "IX_Units_CouncilId_Name",
                table: "Units",
                columns: new[] { "CouncilId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_CouncilId_Name",
                table: "Departments",
                columns: new[] { "CouncilId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_CouncilId_Name",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Departments_CouncilId_Name",
                table: "Departments");

            migrationBuilder.CreateIndex(
                name: "IX_Units_CouncilId",
                table: "Units",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_CouncilId",
                table: "Departments",
                column: "CouncilId");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrozenPictures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FrozenPictures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Exact = table.Column<string>(type: "TEXT", nullable: false),
                    Protected = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrozenPictures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FrozenPictures_CouncilId_Year",
                table: "FrozenPictures",
                columns: new[] { "CouncilId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FrozenPictures");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Varn.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Exact = table.Column<string>(type: "text", nullable: false),
                    Protected = table.Column<string>(type: "text", nullable: false)
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

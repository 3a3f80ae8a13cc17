using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SituationSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SituationInputs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PoliceText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConcernReports = table.Column<int>(type: "INTEGER", nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Analysis = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationInputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationInputs_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsSources", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StatisticsSources",
                columns: ["Name", "Description", "Order"],
                values: Varn.Core.Situation.DefaultStatisticsSources.Rows());

            migrationBuilder.CreateTable(
                name: "PoliceCounts",
                columns: table => new
                {
                    SituationInputId = table.Column<int>(type: "INTEGER", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoliceCounts", x => new { x.SituationInputId, x.Environment });
                    table.ForeignKey(
                        name: "FK_PoliceCounts_SituationInputs_SituationInputId",
                        column: x => x.SituationInputId,
                        principalTable: "SituationInputs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatisticsFigures_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StatisticsFigures_StatisticsSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "StatisticsSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SituationInputs_CouncilId_Year",
                table: "SituationInputs",
                columns: new[] { "CouncilId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsFigures_CouncilId_Year_SourceId",
                table: "StatisticsFigures",
                columns: new[] { "CouncilId", "Year", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsFigures_SourceId",
                table: "StatisticsFigures",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsSources_Name",
                table: "StatisticsSources",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PoliceCounts");

            migrationBuilder.DropTable(
                name: "StatisticsFigures");

            migrationBuilder.DropTable(
                name: "SituationInputs");

            migrationBuilder.DropTable(
                name: "StatisticsSources");
        }
    }
}

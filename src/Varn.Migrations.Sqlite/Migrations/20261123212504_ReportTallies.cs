using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varn.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "ReportActions",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportActions", x => new { x.ReportId, x.Action });
                    table.ForeignKey(
                        name: "FK_ReportActions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportCategories",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCategories", x => new { x.ReportId, x.Category });
                    table.ForeignKey(
                        name: "FK_ReportCategories_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportCategoryTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCategoryTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportCategoryTallies_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlaceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportTallies_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCategories_Category",
                table: "ReportCategories",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCategoryTallies_CouncilId_Year_Quarter_Environment_Category_Assessment",
                table: "ReportCategoryTallies",
                columns: new[] { "CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTallies_CouncilId_Year_Quarter_Environment_PlaceType_Source_Assessment",
                table: "ReportTallies",
                columns: new[] { "CouncilId", "Year", "Quarter", "Environment", "PlaceType", "Source", "Assessment" },
                unique: true);

            // The comma lists become rows, so that reports are filtered and counted by category in SQL.
            foreach (var category in new[] { "Graffiti", "Stickers", "Flyers", "Demonstration", "ExpressedViews", "Symbols", "Threats", "Violence", "Recruitment", "UnlawfulInfluence", "ConcernForIndividual", "Returnee", "Other" })
            {
                migrationBuilder.Sql($"""INSERT INTO "ReportCategories" ("ReportId", "Category") SELECT "Id", '{category}' FROM "Reports" WHERE ',' || "Categories" || ',' LIKE '%,{category},%'""");
            }
            foreach (var action in new[] { "InformedManager", "ContactedCoordinator", "PoliceContacted", "ConcernReportFiled", "RemovalRequested", "None" })
            {
                migrationBuilder.Sql($"""INSERT INTO "ReportActions" ("ReportId", "Action") SELECT "Id", '{action}' FROM "Reports" WHERE ',' || "ActionsTaken" || ',' LIKE '%,{action},%'""");
            }

            // Assessed reports enter the maintained counts. The category counts of reports purged before this
            // migration (ReportCounts) carry over as they were; their per-report totals were never kept.
            migrationBuilder.Sql("""
                INSERT INTO "ReportTallies" ("CouncilId", "Year", "Quarter", "Environment", "PlaceType", "Source", "Assessment", "Count")
                SELECT "CouncilId", CAST(strftime('%Y', "OccurredOn") AS INTEGER), ((CAST(strftime('%m', "OccurredOn") AS INTEGER) + 2) / 3), "Environment", "PlaceType", "Source", "Assessment", COUNT(*)
                FROM "Reports" WHERE "Assessment" IS NOT NULL
                GROUP BY "CouncilId", CAST(strftime('%Y', "OccurredOn") AS INTEGER), ((CAST(strftime('%m', "OccurredOn") AS INTEGER) + 2) / 3), "Environment", "PlaceType", "Source", "Assessment"
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportCategoryTallies" ("CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment", "Count")
                SELECT "CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment", SUM("Count") FROM (
                    SELECT r."CouncilId", CAST(strftime('%Y', r."OccurredOn") AS INTEGER) AS "Year", ((CAST(strftime('%m', r."OccurredOn") AS INTEGER) + 2) / 3) AS "Quarter", r."Environment", c."Category", r."Assessment", 1 AS "Count"
                    FROM "Reports" r JOIN "ReportCategories" c ON c."ReportId" = r."Id" WHERE r."Assessment" IS NOT NULL
                    UNION ALL
                    SELECT "CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment", "Count" FROM "ReportCounts"
                ) AS counted
                GROUP BY "CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment"
                """);

            migrationBuilder.DropTable(
                name: "ReportCounts");

            migrationBuilder.DropColumn(
                name: "ActionsTaken",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Categories",
                table: "Reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportActions");

            migrationBuilder.DropTable(
                name: "ReportCategories");

            migrationBuilder.DropTable(
                name: "ReportCategoryTallies");

            migrationBuilder.DropTable(
                name: "ReportTallies");

            migrationBuilder.AddColumn<string>(
                name: "ActionsTaken",
                table: "Reports",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Categories",
                table: "Reports",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ReportCounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportCounts_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCounts_CouncilId_Year_Quarter_Category_Environment_Assessment",
                table: "ReportCounts",
                columns: new[] { "CouncilId", "Year", "Quarter", "Category", "Environment", "Assessment" },
                unique: true);
        }
    }
}

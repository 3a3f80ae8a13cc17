using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Varn.Core.Reports;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Data;

/// <summary>
/// A database from before the counts were kept (categories as a comma list, counts only of purged reports) keeps
/// everything through the migration: every category and action becomes a row, assessed reports are counted, and the
/// purged reports' counts carry over.
/// </summary>
public class ReportTalliesMigrationTests
{
    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task Migration_TurnsCommaListsIntoRows_AndCountsAssessedAndPurgedReports(DatabaseProvider database)
    {
        var folder = Directory.CreateTempSubdirectory("varn-migration-").FullName;
        var connection = database == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(folder, "varn.db")};Pooling=False" : await Postgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<VarnDbContext>();
        DatabaseSetup.Configure(options, database, connection);
        await using var db = new VarnDbContext(options.Options);
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_Reports", StringComparison.Ordinal)));
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Municipalities" ("Id", "Name") VALUES (1, 'Provstaden')""");
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Councils" ("Id", "MunicipalityId", "Name", "Short", "Kind") VALUES (1, 1, 'Provnämnden', 'prov', 'District')""");
        await InsertReportAsync(db, 1, new DateOnly(2019, 5, 10), "Graffiti,Stickers", "InformedManager,RemovalRequested", "RightWing", "School", "OwnOperation", "Relevant");
        await InsertReportAsync(db, 2, new DateOnly(2019, 11, 2), "Threats", "", "Islamist", "Online", "Police", "NotRelevant");
        await InsertReportAsync(db, 3, new DateOnly(2020, 1, 15), "Other", "None", "Unclear", "Other", "Resident", null);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ReportCounts" ("CouncilId", "Year", "Quarter", "Category", "Environment", "Assessment", "Count") VALUES (1, 2017, 2, 'Graffiti', 'RightWing', 'Relevant', 4)""");

        await db.Database.MigrateAsync();

        var reports = await db.Reports.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(["Graffiti,Stickers", "Threats", "Other"], reports.Select(r => string.Join(",", r.Categories)));
        Assert.Equal(["InformedManager,RemovalRequested", "", "None"], reports.Select(r => string.Join(",", r.ActionsTaken)));
        var tallies = await db.ReportTallies.AsNoTracking().OrderBy(t => t.Year).ThenBy(t => t.Quarter).ToListAsync();
        Assert.Equal(["2019 Q2 RightWing School OwnOperation Relevant 1", "2019 Q4 Islamist Online Police NotRelevant 1"],
            tallies.Select(t => $"{t.Year} Q{t.Quarter} {t.Environment} {t.PlaceType} {t.Source} {t.Assessment} {t.Count}"));
        var categories = await db.ReportCategoryTallies.AsNoTracking().OrderBy(t => t.Year).ThenBy(t => t.Quarter).ThenBy(t => t.Category).ToListAsync();
        Assert.Equal(["2017 Q2 Graffiti Relevant 4", "2019 Q2 Graffiti Relevant 1", "2019 Q2 Stickers Relevant 1", "2019 Q4 Threats NotRelevant 1"],
            categories.Select(t => $"{t.Year} Q{t.Quarter} {t.Category} {t.Assessment} {t.Count}"));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task InsertReportAsync(VarnDbContext db, int id, DateOnly occurred, string categories, string actions, string environment, string place, string source, string? assessment)
    {
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Reports" ("Id", "CouncilId", "OccurredOn", "MonthOnly", "PlaceType", "Categories", "Environment", "Source", "Description", "ActionsTaken", "SubmittedAt", "Assessment", "IsSynthetic", "Version")
            VALUES ({0}, 1, {1}, {2}, {3}, {4}, {5}, {6}, 'Påhittad rapport före migreringen.', {7}, {8}, {9}, {10}, 0)
            """,
            id, occurred, false, place, categories, environment, source, actions, occurred.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), assessment ?? "", true);
        if (assessment is null)
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Reports" SET "Assessment" = NULL WHERE "Id" = {0}""", id);
        }
    }
}

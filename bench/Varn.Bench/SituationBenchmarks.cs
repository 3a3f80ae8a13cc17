using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Data;
using Varn.Core.Situation;
using Varn.Core.Statistics;

namespace Varn.Bench;

/// <summary>
/// The situation picture at 10,000 and at 1,000,000 assessed reports on SQLite (the baseline is the picture at
/// 10,000), against a raw GROUP BY of the reports table at 1,000,000 — what the picture would cost without its kept counts.
/// Goals: the picture at 1,000,000 within 1.5× of 10,000; the raw query at least 10× slower than the picture.
/// </summary>
public class SituationBenchmarks
{
    private readonly Dictionary<int, (WebApplicationFactory<Program> App, string Folder)> apps = [];

    [GlobalSetup]
    public void SetUp()
    {
        foreach (var size in new[] { 10_000, 1_000_000 })
        {
            var folder = Directory.CreateTempSubdirectory("varn-bench-situation-").FullName;
            var database = Path.Combine(folder, "varn.db");
            var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Benchmark");
                builder.UseSetting("ConnectionStrings:Varn", $"Data Source={database}");
                builder.UseSetting("Varn:Demo", "false");
                builder.UseSetting("Varn:Retention:Enabled", "false");
            });
            _ = app.Server;
            Fill(database, size);
            apps[size] = (app, folder);
        }
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        foreach (var (app, folder) in apps.Values)
        {
            app.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<SituationPicture> PictureAt10000() => PictureAsync(10_000);

    [Benchmark]
    public Task<SituationPicture> PictureAt1000000() => PictureAsync(1_000_000);

    [Benchmark]
    public int RawGroupByAt1000000()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(apps[1_000_000].Folder, "varn.db")}");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT strftime('%Y', r."OccurredOn"), (CAST(strftime('%m', r."OccurredOn") AS INTEGER) + 2) / 3, r."Environment", c."Category", COUNT(*)
            FROM "Reports" r JOIN "ReportCategories" c ON c."ReportId" = r."Id"
            WHERE r."CouncilId" = 1 AND r."Assessment" = 'Relevant'
            GROUP BY 1, 2, 3, 4
            """;
        using var reader = query.ExecuteReader();
        var groups = 0;
        while (reader.Read())
        {
            groups++;
        }
        return groups;
    }

    private async Task<SituationPicture> PictureAsync(int size)
    {
        await using var scope = apps[size].App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VarnDbContext>();
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == 1);
        return await scope.ServiceProvider.GetRequiredService<SituationPictures>().BuildAsync(council, 2026, Viewer.Coordinator);
    }

    /// <summary>
    /// Reports spread over the 19 councils and ten years, assessed; their categories; and the kept counts as the
    /// assessing transaction leaves them, written in bulk.
    /// </summary>
    private static void Fill(string database, int size)
    {
        string[] environments = ["RightWing", "LeftWing", "Islamist", "Unclear"];
        string[] categories = ["Graffiti", "Stickers", "Flyers", "Threats", "Recruitment", "Symbols"];
        string[] assessments = ["Relevant", "Relevant", "Relevant", "NotRelevant", "WronglyRegistered"];
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var report = connection.CreateCommand();
        report.Transaction = transaction;
        report.CommandText = """
            INSERT INTO "Reports" ("Id", "CouncilId", "OccurredOn", "MonthOnly", "PlaceType", "Environment", "Source", "Description", "SubmittedAt", "Assessment", "AssessedAt", "IsSynthetic", "Version")
            VALUES ($id, $council, $date, 0, 'School', $environment, 'OwnOperation', 'Klotter.', '2026-10-01 00:00:00', $assessment, '2026-10-01 00:00:00', 1, 1)
            """;
        var parameters = new[] { "$id", "$council", "$date", "$environment", "$assessment" }.Select(n => report.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        using var category = connection.CreateCommand();
        category.Transaction = transaction;
        category.CommandText = """INSERT INTO "ReportCategories" ("ReportId", "Category") VALUES ($id, $category)""";
        var categoryParameters = new[] { "$id", "$category" }.Select(n => category.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        var random = new Random(2026);
        for (var id = 1; id <= size; id++)
        {
            parameters[0].Value = id;
            parameters[1].Value = random.Next(1, 20);
            parameters[2].Value = new DateOnly(2017, 1, 1).AddDays(random.Next(0, 3560)).ToString("yyyy-MM-dd");
            parameters[3].Value = environments[random.Next(environments.Length)];
            parameters[4].Value = assessments[random.Next(assessments.Length)];
            report.ExecuteNonQuery();
            categoryParameters[0].Value = id;
            categoryParameters[1].Value = categories[random.Next(categories.Length)];
            category.ExecuteNonQuery();
        }
        using var tallies = connection.CreateCommand();
        tallies.Transaction = transaction;
        tallies.CommandText = """
            INSERT INTO "ReportTallies" ("CouncilId", "Year", "Quarter", "Environment", "PlaceType", "Source", "Assessment", "Count")
            SELECT "CouncilId", CAST(strftime('%Y', "OccurredOn") AS INTEGER), (CAST(strftime('%m', "OccurredOn") AS INTEGER) + 2) / 3, "Environment", "PlaceType", "Source", "Assessment", COUNT(*)
            FROM "Reports" GROUP BY 1, 2, 3, 4, 5, 6, 7;
            INSERT INTO "ReportCategoryTallies" ("CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment", "Count")
            SELECT r."CouncilId", CAST(strftime('%Y', r."OccurredOn") AS INTEGER), (CAST(strftime('%m', r."OccurredOn") AS INTEGER) + 2) / 3, r."Environment", c."Category", r."Assessment", COUNT(*)
            FROM "Reports" r JOIN "ReportCategories" c ON c."ReportId" = r."Id" GROUP BY 1, 2, 3, 4, 5, 6;
            """;
        tallies.ExecuteNonQuery();
        transaction.Commit();
    }
}

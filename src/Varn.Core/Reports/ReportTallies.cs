namespace Varn.Core.Reports;

/// <summary>One report entering (+1) or leaving (-1) the counts under an assessment.</summary>
public sealed record TallyChange(DeidentifiedReport Report, Assessment Assessment, int Delta);

/// <summary>
/// Keeps <see cref="ReportTally"/> and <see cref="ReportCategoryTally"/> up to date. Each change is an atomic upsert
/// (<c>INSERT … ON CONFLICT DO UPDATE</c>, the same on SQLite and PostgreSQL), so coordinators assessing at the same
/// time never lose a count. Call it inside the transaction that saves the assessment.
/// </summary>
public static class ReportTallies
{
    public static async Task ApplyAsync(VarnDbContext db, IReadOnlyCollection<TallyChange> changes, CancellationToken cancellationToken = default)
    {
        var reports = changes
            .GroupBy(c => (c.Report.CouncilId, c.Report.OccurredOn.Year, c.Report.Quarter, Environment: c.Report.Environment.ToString(),
                PlaceType: c.Report.PlaceType.ToString(), Source: c.Report.Source.ToString(), Assessment: c.Assessment.ToString()))
            .Select(g => (g.Key, Delta: g.Sum(c => c.Delta)))
            .Where(g => g.Delta != 0);
        foreach (var ((council, year, quarter, environment, place, source, assessment), delta) in reports)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ReportTallies" ("CouncilId", "Year", "Quarter", "Environment", "PlaceType", "Source", "Assessment", "Count")
                VALUES ({council}, {year}, {quarter}, {environment}, {place}, {source}, {assessment}, {delta})
                ON CONFLICT ("CouncilId", "Year", "Quarter", "Environment", "PlaceType", "Source", "Assessment")
                DO UPDATE SET "Count" = "ReportTallies"."Count" + excluded."Count"
                """, cancellationToken);
        }

        var categories = changes
            .SelectMany(c => c.Report.Categories.Select(category => (c.Report, Category: category, c.Assessment, c.Delta)))
            .GroupBy(c => (c.Report.CouncilId, c.Report.OccurredOn.Year, c.Report.Quarter, Environment: c.Report.Environment.ToString(),
                Category: c.Category.ToString(), Assessment: c.Assessment.ToString()))
            .Select(g => (g.Key, Delta: g.Sum(c => c.Delta)))
            .Where(g => g.Delta != 0);
        foreach (var ((council, year, quarter, environment, category, assessment), delta) in categories)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ReportCategoryTallies" ("CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment", "Count")
                VALUES ({council}, {year}, {quarter}, {environment}, {category}, {assessment}, {delta})
                ON CONFLICT ("CouncilId", "Year", "Quarter", "Environment", "Category", "Assessment")
                DO UPDATE SET "Count" = "ReportCategoryTallies"."Count" + excluded."Count"
                """, cancellationToken);
        }
    }
}

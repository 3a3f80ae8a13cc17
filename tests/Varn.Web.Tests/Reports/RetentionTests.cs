using Varn.Core.Reports;
using Varn.Web.Startup;
using Varn.Web.Tests.Cli;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reports;

[Collection(nameof(ConsoleCollection))]
public class RetentionTests
{
    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task FreshDemo_PurgeRemovesOnlyReportsPastRetention_AndEveryYearsCountsStay(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);
        _ = app.Server;
        var today = app.Clock.Today();
        var cutoff = app.Clock.GetUtcNow().UtcDateTime.AddYears(-5);
        var reports = await app.WithDbAsync(db => db.Reports.AsNoTracking().ToListAsync());
        var old = reports.Where(r => r.Assessment != null && r.SubmittedAt < cutoff).Select(r => r.Id).ToHashSet();
        Assert.Contains(reports, r => r.OccurredOn.Year == today.Year);
        Assert.Contains(reports, r => r.OccurredOn.Year == today.Year - 1);
        Assert.Contains(reports, r => r.Assessment == null);
        Assert.NotEmpty(old);
        var handCount = reports.Where(r => r.Assessment != null).GroupBy(r => r.OccurredOn.Year).ToDictionary(g => g.Key, g => g.Count());
        var before = await CountsPerYearAsync(app);
        Assert.Equal(handCount.OrderBy(c => c.Key), before.Reports.OrderBy(c => c.Key));

        var (dryCode, dryOutput) = await app.RunAsync("reports", "purge", "--dry-run");

        Assert.Equal(0, dryCode);
        Assert.Contains($"{old.Count} bedömda rapporter äldre än 5 år skulle gallras", dryOutput);
        var listed = dryOutput.Split('\n').Where(l => l.Contains('\t')).Select(l => int.Parse(l[..l.IndexOf('\t')])).ToHashSet();
        Assert.Equal(old, listed);
        Assert.Equal(reports.Count, await app.WithDbAsync(db => db.Reports.CountAsync()));

        var (code, output) = await app.RunAsync("reports", "purge");

        Assert.Equal(0, code);
        Assert.Contains($"Gallrade {old.Count} bedömda rapporter", output);
        var left = await app.WithDbAsync(db => db.Reports.AsNoTracking().Select(r => r.Id).ToListAsync());
        Assert.Equal(reports.Select(r => r.Id).Except(old).Order(), left.Order());
        var after = await CountsPerYearAsync(app);
        Assert.Equal(before.Reports, after.Reports);
        Assert.Equal(before.Categories, after.Categories);
        Assert.Equal(0, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "ReportCategories" WHERE "ReportId" NOT IN (SELECT "Id" FROM "Reports")""").SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "reports.purged")));
        Assert.Contains("0 bedömda rapporter", (await app.RunAsync("reports", "purge", "--dry-run")).Output);
    }

    private static Task<(Dictionary<int, int> Reports, Dictionary<int, int> Categories)> CountsPerYearAsync(VarnFactory app) =>
        app.WithDbAsync(async db => (
            await db.ReportTallies.GroupBy(t => t.Year).Select(g => new { g.Key, Count = g.Sum(t => t.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count),
            await db.ReportCategoryTallies.GroupBy(t => t.Year).Select(g => new { g.Key, Count = g.Sum(t => t.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count)));
}

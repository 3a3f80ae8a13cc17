using Microsoft.EntityFrameworkCore;
using Varn.Web.Tests.Cli;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reports;

[Collection(nameof(ConsoleCollection))]
public class RetentionTests
{
    [Fact]
    public async Task PurgeDryRun_ListsWhatWouldGo_AndThePurgeDeletesItKeepingTheCounts()
    {
        using var app = new VarnFactory();
        _ = app.Server;
        var (old, oldRelevantGraffiti, unassessed) = await app.WithDbAsync(async db =>
        {
            var reports = await db.Reports.ToListAsync();
            var cutoff = DateTime.UtcNow.AddYears(-5);
            return (
                reports.Count(r => r.Assessment != null && r.SubmittedAt < cutoff),
                reports.Count(r => r.Assessment == Core.Reports.Assessment.Relevant && r.SubmittedAt < cutoff && r.Categories.Contains(Core.Reports.ReportCategory.Graffiti)),
                reports.Count(r => r.Assessment == null));
        });
        Assert.True(old > 50 && unassessed > 0, "The demo reports should include old assessed ones and unassessed ones.");

        var (dryCode, dryOutput) = await app.RunAsync("reports", "purge", "--dry-run");
        Assert.Equal(0, dryCode);
        Assert.Contains($"{old} bedömda rapporter äldre än 5 år skulle gallras", dryOutput);
        Assert.Equal(old + unassessed, await app.WithDbAsync(db => db.Reports.CountAsync()) - await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Assessment != null && r.SubmittedAt >= DateTime.UtcNow.AddYears(-5))));

        var (code, purgeOutput) = await app.RunAsync("reports", "purge");

        Assert.Equal(0, code);
        Assert.Contains($"Gallrade {old} bedömda rapporter", purgeOutput);
        Assert.Equal(unassessed, await app.WithDbAsync(db => db.Reports.CountAsync()));
        var kept = await app.WithDbAsync(db => db.ReportCounts.Where(c => c.Category == Core.Reports.ReportCategory.Graffiti && c.Assessment == Core.Reports.Assessment.Relevant).SumAsync(c => c.Count));
        Assert.Equal(oldRelevantGraffiti, kept);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "reports.purged")));
        Assert.Contains("0 bedömda rapporter", (await app.RunAsync("reports", "purge", "--dry-run")).Output);
    }
}

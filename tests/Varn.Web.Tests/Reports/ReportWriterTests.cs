using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Audit;
using Varn.Core.Reports;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reports;

/// <summary>
/// Reports filed at the same moment are stored by group commit: every acknowledged report is stored, each audit row
/// names the reporter of its own council, and a report that cannot be stored fails alone.
/// </summary>
public class ReportWriterTests
{
    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task ReportsFiledAtOnce_ToTwoCouncils_AreAllStoredEachLoggedAsItsOwnCouncilsReporter(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);
        var client = await app.ApiClientAsync(TestAccounts.SkarholmenEmployee);
        var councils = new[] { "skarholmen", "kungsholmen" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            var body = $$"""{"month":"2025-0{{1 + i % 9}}","council":"{{councils[i % 2]}}","placeType":"school","categories":["graffiti","symbols"],"environment":"rightWing","source":"ownOperation","description":"Gruppinskrivning nummer {{i}}."}""";
            using var response = await client.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"));
            return (response.StatusCode, Location: response.Headers.Location?.ToString());
        })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = answers.Select(a => int.Parse(a.Location!.Split('/')[^1])).ToList();
        Assert.Equal(60, ids.Distinct().Count());
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => ids.Contains(r.Id)).Include(r => r.Council).Include(r => r.CategoryChoices).ToListAsync());
        Assert.Equal(60, stored.Count);
        Assert.All(stored, r => Assert.Equal(2, r.CategoryChoices.Count));
        var actors = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(DeidentifiedReport) && a.Action == "DeidentifiedReport.created")
            .ToDictionaryAsync(a => a.EntityId!, a => a.Actor));
        foreach (var report in stored)
        {
            Assert.Equal($"anmälare till {report.Council!.Name}", actors[report.Id.ToString()]);
        }
        Assert.True((await app.WithDbAsync(db => AuditLog.VerifyAsync(db))).Intact);
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task ReportThatCannotBeStored_FailsAlone_TheOthersInItsBatchAreStored(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);
        var writer = app.Services.GetRequiredService<ReportWriter>();
        var council = await app.WithDbAsync(db => db.Councils.Where(c => c.Short == "skarholmen").Select(c => c.Id).SingleAsync());
        DeidentifiedReport Report(int councilId, string text) => new()
        {
            CouncilId = councilId,
            OccurredOn = new DateOnly(2025, 3, 1),
            MonthOnly = true,
            PlaceType = PlaceType.School,
            Environment = ExtremistEnvironment.RightWing,
            Source = ReportSource.OwnOperation,
            Description = text,
            SubmittedAt = new DateTime(2025, 3, 2, 8, 0, 0, DateTimeKind.Utc),
        };

        // Queued in one go, so that they meet in a batch; the council that does not exist breaks it.
        var good = Enumerable.Range(0, 20).Select(i => writer.WriteAsync(() => Report(council, $"Ska sparas {i}."), "anmälare till Skärholmens stadsdelsnämnd")).ToList();
        var bad = writer.WriteAsync(() => Report(999_999, "Nämnden finns inte."), "anmälare till ingen");
        good.AddRange(Enumerable.Range(20, 20).Select(i => writer.WriteAsync(() => Report(council, $"Ska sparas {i}."), "anmälare till Skärholmens stadsdelsnämnd")));

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => bad);
        var stored = await Task.WhenAll(good);
        Assert.All(stored, r => Assert.True(r.Id > 0));
        Assert.Equal(40, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Description.StartsWith("Ska sparas"))));
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Description == "Nämnden finns inte.")));
        Assert.True((await app.WithDbAsync(db => AuditLog.VerifyAsync(db))).Intact);
    }
}

using System.Globalization;
using Varn.Core.Accounts;
using Varn.Core.Reports;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reports;

/// <summary>A council with thousands of reports: the queue pages through all of them and its CSV holds every match.</summary>
public class QueueTests
{
    private const int Reports = 2500;

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task QueueAndCsv_ReturnEveryOneOfACouncils2500Reports_AndFilterCategoriesInTheDatabase(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database, demo: false);
        await app.CreateAccountAsync("samordnare@stad.example", Role.LocalCoordinator, "kungsholmen");
        var ids = await SeedAsync(app);
        var coordinator = await app.SignedInAsync("samordnare@stad.example");

        var seen = new HashSet<int>();
        for (var page = 1; page <= Reports / Varn.Web.Pages.Reports.IndexModel.PageSize + 1; page++)
        {
            var html = await coordinator.GetPageAsync($"/rapporter?Filter.Status=all&Filter.Sida={page}");
            seen.UnionWith(html.QuerySelectorAll("input[name='Bulk.Selected']").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)));
        }
        var all = await CsvIdsAsync(coordinator, "/rapporter?handler=Csv&Filter.Status=all");
        var graffiti = await CsvIdsAsync(coordinator, "/rapporter?handler=Csv&Filter.Status=all&Filter.Category=graffiti");

        Assert.Equal(ids.All.Order(), seen.Order());
        Assert.Equal(ids.All.Order(), all.Order());
        Assert.Equal(ids.Graffiti.Order(), graffiti.Order());
    }

    private static async Task<List<int>> CsvIdsAsync(HttpClient client, string url)
    {
        var csv = await client.GetStringAsync(url);
        return csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => int.Parse(l[..l.IndexOf(';')].Trim('\uFEFF'), CultureInfo.InvariantCulture)).ToList();
    }

    private static Task<(List<int> All, List<int> Graffiti)> SeedAsync(VarnFactory app) => app.WithDbAsync(async db =>
    {
        var council = await db.Councils.SingleAsync(c => c.Short == "kungsholmen");
        var reports = Enumerable.Range(0, Reports).Select(i =>
        {
            var report = new DeidentifiedReport
            {
                CouncilId = council.Id,
                OccurredOn = new DateOnly(2024, 1, 1).AddDays(i % 366),
                PlaceType = PlaceType.School,
                Environment = (ExtremistEnvironment)(i % 4),
                Source = ReportSource.OwnOperation,
                Description = $"Påhittad rapport {i} för testet.",
                SubmittedAt = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(i % 366),
                Assessment = i % 3 == 0 ? null : Assessment.Relevant,
                IsSynthetic = true,
            };
            report.SetCategories(i % 2 == 0 ? [ReportCategory.Graffiti, ReportCategory.Symbols] : [ReportCategory.Threats]);
            return report;
        }).ToList();
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
        return (reports.Select(r => r.Id).ToList(), reports.Where(r => r.Categories.Contains(ReportCategory.Graffiti)).Select(r => r.Id).ToList());
    });
}

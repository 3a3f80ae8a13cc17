using System.Net;
using System.Text.Json;
using Varn.Core.Accounts;
using Varn.Core.Reports;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Overview;

/// <summary>The city overview (issue 16, C11): every council, figures recomputed from the test's own data, sorting without JavaScript, who may see it.</summary>
public class OverviewTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task EveryCouncilIsListed_WithFiguresThatEqualTheStoredData_AndNoPlanShowsAsNull()
    {
        var year = app.Clock.Today().Year;
        var api = await app.ApiClientAsync(TestAccounts.Central);
        var response = await api.GetAsync($"/api/v1/overview/{year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("council").GetString()!);

        var councils = await app.WithDbAsync(db => db.Councils.Select(c => c.Short).ToListAsync());
        Assert.Equal(councils.Order(), rows.Keys.Order());
        var withPlans = await app.WithDbAsync(db => db.Plans.Where(p => p.Year == year).Select(p => p.Council!.Short).ToListAsync());
        Assert.All(rows.Where(r => !withPlans.Contains(r.Key)), r => Assert.Equal(JsonValueKind.Null, r.Value.GetProperty("plan").ValueKind));

        // Skärholmen's followed-up demo plan: stage, activities by status, rounds and overdue as the round itself says.
        var skarholmen = rows["skarholmen"];
        Assert.Equal("approved", skarholmen.GetProperty("plan").GetProperty("stage").GetString());
        var statuses = await app.WithDbAsync(db => db.Activities.Where(a => a.Plan!.Council!.Short == "skarholmen" && a.Plan.Year == year)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        foreach (var status in statuses)
        {
            Assert.Equal(status.Count, skarholmen.GetProperty("activities").GetProperty("byStatus").GetProperty(Codes.Of(status.Key)).GetInt32());
        }
        var rounds = skarholmen.GetProperty("rounds");
        var latest = rounds.EnumerateObject().Last(r => r.Value.ValueKind == JsonValueKind.String).Name;
        var round = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/plans/skarholmen/{year}/followup/{latest}")).RootElement;
        Assert.Equal(round.GetProperty("activities").EnumerateArray().Count(a => a.GetProperty("overdue").GetBoolean()), skarholmen.GetProperty("activities").GetProperty("overdue").GetInt32());

        // Training and reports by hand from the stored rows.
        var (staff, completed) = await app.WithDbAsync(async db =>
        {
            var completions = await db.Completions.Where(c => c.Year == year && c.Unit!.Council!.Short == "skarholmen").ToListAsync();
            return (completions.Sum(c => c.Staff), completions.Sum(c => c.Completed));
        });
        Assert.Equal(staff == 0 ? null : Math.Round(100m * completed / staff, 0, MidpointRounding.AwayFromZero), Decimal(skarholmen, "trainingCompletion"));
        var (reports, population) = await app.WithDbAsync(async db => (
            await db.ReportTallies.Where(t => t.Council!.Short == "skarholmen" && t.Year == year && t.Assessment == Assessment.Relevant).SumAsync(t => t.Count),
            await db.SituationInputs.Where(i => i.Council!.Short == "skarholmen" && i.Year == year).Select(i => i.Population).FirstOrDefaultAsync()
                ?? await db.Councils.Where(c => c.Short == "skarholmen").Select(c => c.Population).SingleAsync()));
        Assert.Equal(Math.Round(10_000m * reports / population!.Value, 1), Decimal(skarholmen, "reportsPerTenThousand"));
    }

    [Fact]
    public async Task ThePage_SortsByAColumnWithoutJavaScript_AndDownloadsAsCsv_OnlyForTheCentralCoordinatorAndTheCityOffice()
    {
        var central = await app.SignedInAsync(TestAccounts.Central);
        var page = await central.GetPageAsync("/oversikt?sort=forsenade&dir=desc");
        var overdue = page.QuerySelectorAll("#naemnderna tbody tr").Select(r => int.Parse(r.QuerySelectorAll("td")[3].TextContent.Trim())).ToList();
        Assert.Equal(await app.WithDbAsync(db => db.Councils.CountAsync()), overdue.Count);
        Assert.Equal(overdue.OrderDescending(), overdue);
        Assert.Equal("descending", page.QuerySelectorAll("main th[aria-sort]").Single().GetAttribute("aria-sort"));
        Assert.Contains("Ingen plan", page.QuerySelector("#naemnderna tbody")!.TextContent);

        var csv = await central.GetStringAsync("/oversikt?handler=Csv");
        Assert.Equal(1 + overdue.Count, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Comparisons as charts with a bar per council, and the coordinator directory.
        var charts = page.QuerySelectorAll("main svg[role=img]");
        Assert.Equal(3, charts.Length);
        Assert.All(charts, chart => Assert.Equal(overdue.Count, chart.QuerySelectorAll("rect[x]").Length));
        Assert.Contains(TestAccounts.SkarholmenCoordinator, page.QuerySelector("main")!.TextContent);

        // The Word version for the board renders in LibreOffice with every council.
        var docx = await central.GetByteArrayAsync("/oversikt?handler=Docx");
        static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit));
        var text = Letters(await Tools.WordToPdfTextAsync(docx));
        var names = await app.WithDbAsync(db => db.Councils.Select(c => c.Name).ToListAsync());
        Assert.All(names, name => Assert.Contains(Letters(name), text));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(TestAccounts.SkarholmenReader)).GetAsync("/oversikt")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator)).GetAsync($"/api/v1/overview/{app.Clock.Today().Year}")).StatusCode);
        await app.CreateAccountAsync("lasare.stadsledningskontoret@stad.example", Role.Reader, "stadsledningskontoret");
        var cityOffice = await app.ApiClientAsync("lasare.stadsledningskontoret@stad.example");
        Assert.Equal(HttpStatusCode.OK, (await cityOffice.GetAsync($"/api/v1/overview/{app.Clock.Today().Year}")).StatusCode);
    }

    private static decimal? Decimal(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;
}

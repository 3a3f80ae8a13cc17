using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Accounts;
using Varn.Core.Reports;
using Varn.Core.Situation;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Situation;

/// <summary>The situation picture counted right: reports filed and assessed through the API, against a count by hand.</summary>
public class SituationPictureTests
{
    private const string Coordinator = "samordnare@stad.example";
    private const string Reader = "lasare@stad.example";
    private const string Employee = "medarbetare@stad.example";
    private const int Population = 40_000;

    private static readonly string[] Environments = ["rightWing", "leftWing", "islamist", "unclear"];
    private static readonly string[] Categories = Enum.GetValues<ReportCategory>().Select(Codes.Of).ToArray();

    /// <summary>One of the 40 reports: when, where it belongs, how it is assessed.</summary>
    private sealed record Filed(DateOnly Date, string Environment, string[] Categories, string Assessment)
    {
        public int Quarter => (Date.Month - 1) / 3 + 1;
    }

    // 40 reports from 2019 to September 2026: every fifth not relevant, every seventh wrongly registered, every fourth with two categories.
    private static readonly IReadOnlyList<Filed> Reports = Enumerable.Range(0, 40).Select(i => new Filed(
            new DateOnly(2019, 1, 10).AddDays(i * 70),
            Environments[i % 4],
            i % 4 == 0 ? [Categories[i % 13], Categories[(i + 3) % 13]] : [Categories[i % 13]],
            i % 5 == 0 ? "notRelevant" : i % 7 == 0 ? "wronglyRegistered" : "relevant"))
        .ToList();

    private static bool InPeriod(Filed r) => r.Date >= new DateOnly(2025, 1, 1) && r.Date <= new DateOnly(2026, 9, 30);

    private static async Task<VarnFactory> FiledAndAssessedAsync(DatabaseProvider database)
    {
        var app = await VarnFactory.OnAsync(database, demo: false);
        await app.CreateAccountAsync(Coordinator, Role.LocalCoordinator, "skarholmen");
        await app.CreateAccountAsync(Reader, Role.Reader, "skarholmen");
        await app.CreateAccountAsync(Employee, Role.Employee, "skarholmen");
        var employee = await app.ApiClientAsync(Employee);
        var coordinator = await app.ApiClientAsync(Coordinator);
        foreach (var report in Reports)
        {
            var body = JsonSerializer.Serialize(new
            {
                date = report.Date.ToString("yyyy-MM-dd"), council = "skarholmen", placeType = "school", categories = report.Categories,
                environment = report.Environment, source = "ownOperation", description = "Klotter på en vägg vid skolan.",
            });
            var filed = await employee.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            var assessed = await coordinator.PostAsync($"{filed.Headers.Location}/assessment",
                new StringContent(JsonSerializer.Serialize(new { assessment = report.Assessment, note = (string?)null }), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        }
        await app.WithServicesAsync(async services =>
        {
            services.GetRequiredService<Varn.Core.Audit.CurrentActor>().Set("test", null);
            var db = services.GetRequiredService<VarnDbContext>();
            var council = await db.Councils.SingleAsync(c => c.Short == "skarholmen");
            var errors = await services.GetRequiredService<SituationRegister>().SaveSourcesAsync(council, 2026,
                new SourcesInput("2025-01-01", "2026-09-30", null, Population.ToString(), new Dictionary<int, string?>(), 0));
            Assert.Empty(errors);
            return 0;
        });
        return app;
    }

    private static async Task<JsonNode> PictureAsync(VarnFactory app, string email)
    {
        var response = await (await app.ApiClientAsync(email)).GetAsync("/api/v1/situation/skarholmen/2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task TheCoordinatorsPicture_EqualsTheHandCount_AndOutlivesRetention(DatabaseProvider database)
    {
        using var app = await FiledAndAssessedAsync(database);
        var relevant = Reports.Where(r => r.Assessment == "relevant").ToList();
        var period = relevant.Where(InPeriod).ToList();

        var picture = await PictureAsync(app, Coordinator);

        Assert.Equal("2025-01-01", (string?)picture["period"]!["from"]);
        Assert.Equal("2026-09-30", (string?)picture["period"]!["to"]);
        Assert.False((bool)picture["suppressed"]!);
        var reports = picture["reports"]!;
        Assert.Equal(period.Count, (int)reports["total"]!);
        foreach (var environment in Environments)
        {
            Assert.Equal(period.Count(r => r.Environment == environment), (int)reports["byEnvironment"]![environment]!);
        }
        foreach (var category in Categories)
        {
            Assert.Equal(period.Count(r => r.Categories.Contains(category)), (int)reports["byCategory"]![category]!);
        }
        foreach (var quarter in reports["byQuarter"]!.AsArray())
        {
            Assert.Equal(period.Count(r => r.Date.Year == (int)quarter!["year"]! && r.Quarter == (int)quarter["quarter"]!), (int)quarter!["count"]!);
        }
        Assert.Equal(7, reports["byQuarter"]!.AsArray().Count);
        var expectedCells = period.SelectMany(r => r.Categories.Select(c => (r.Date.Year, r.Quarter, r.Environment, Category: c)))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var cells = reports["cells"]!.AsArray().ToDictionary(
            c => ((int)c!["year"]!, (int)c["quarter"]!, (string)c["environment"]!, (string)c["category"]!), c => (int)c!["count"]!);
        Assert.Equal(expectedCells.OrderBy(c => c.Key).ToList(), cells.OrderBy(c => c.Key).ToList());
        Assert.True(period.Any(r => r.Categories.Length == 2), "The data should have reports with two categories.");
        Assert.True(expectedCells.Values.Sum() > period.Count, "A report with two categories counts under each.");

        var trend = picture["trend"]!.AsArray().ToDictionary(t => (int)t!["year"]!, t => (int)t!["total"]!);
        Assert.Equal(Enumerable.Range(2020, 7), trend.Keys);
        foreach (var (year, total) in trend)
        {
            Assert.Equal(relevant.Count(r => r.Date.Year == year), total);
        }

        Assert.Equal(Population, (int)picture["population"]!);
        Assert.Equal(Math.Round(10_000.0 * period.Count / Population, 1), (double)picture["perTenThousand"]!["council"]!);
        var others = await app.WithDbAsync(db => db.Councils.Where(c => c.Short != "skarholmen" && c.Population != null).SumAsync(c => c.Population!.Value));
        Assert.Equal(Math.Round(10_000.0 * period.Count / (others + Population), 1), (double)picture["perTenThousand"]!["city"]!);

        app.Clock.Advance(TimeSpan.FromDays(6 * 366));
        var purged = await app.WithServicesAsync(services =>
        {
            services.GetRequiredService<Varn.Core.Audit.CurrentActor>().Set("test", null);
            return services.GetRequiredService<ReportRetention>().PurgeAsync(5);
        });
        Assert.Equal(Reports.Count, purged);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.Equal(picture.ToJsonString(), (await PictureAsync(app, Coordinator)).ToJsonString());
    }

    [Fact]
    public async Task AReadersPicture_HidesSmallCounts_SoThatNoPublishedTotalGivesOneAway()
    {
        using var app = await FiledAndAssessedAsync(DatabaseProvider.Sqlite);
        var exact = await PictureAsync(app, Coordinator);
        var reader = await PictureAsync(app, Reader);

        Assert.True((bool)reader["suppressed"]!);
        var reports = reader["reports"]!;
        int? Count(JsonNode? node) => node is null ? null : (int?)node;
        var relations = new List<(string Name, List<int?> Members)>
        {
            ("total = Σ environments", [Count(reports["total"]), .. Environments.Select(e => Count(reports["byEnvironment"]![e]))]),
            ("total = Σ quarters", [Count(reports["total"]), .. reports["byQuarter"]!.AsArray().Select(q => Count(q!["count"]))]),
        };
        foreach (var category in Categories)
        {
            relations.Add(($"{category} = Σ its cells",
                [Count(reports["byCategory"]![category]), .. reports["cells"]!.AsArray().Where(c => (string)c!["category"]! == category).Select(c => Count(c!["count"]))]));
        }
        foreach (var year in new[] { 2025 })
        {
            relations.Add(($"trend {year} = Σ its quarters",
                [Count(reader["trend"]!.AsArray().Single(t => (int)t!["year"]! == year)!["total"]),
                 .. reports["byQuarter"]!.AsArray().Where(q => (int)q!["year"]! == year).Select(q => Count(q!["count"]))]));
        }

        var givingAway = relations.Where(r => r.Members.Count(m => m is null) == 1).Select(r => r.Name).ToList();
        Assert.True(givingAway.Count == 0, "Totals with exactly one hidden member: " + string.Join(", ", givingAway));
        var shown = reports["cells"]!.AsArray().Select(c => Count(c!["count"])).Where(c => c is not null).ToList();
        Assert.DoesNotContain(shown, c => c is 1 or 2);
        Assert.Contains(reports["cells"]!.AsArray(), c => (bool)c!["suppressed"]!);
        Assert.All(reports["cells"]!.AsArray(), c => Assert.Equal(c!["count"] is null, (bool)c["suppressed"]!));

        Assert.False((bool)exact["suppressed"]!);
        Assert.DoesNotContain(exact["reports"]!["cells"]!.AsArray(), c => c!["count"] is null);
        Assert.Contains(exact["reports"]!["cells"]!.AsArray(), c => (int)c!["count"]! is 1 or 2);
    }

    [Fact]
    public async Task TheDraftedFindings_NameTheMostCommonCategoryAndEnvironment_AndTheChangeFromLastYear()
    {
        using var app = await FiledAndAssessedAsync(DatabaseProvider.Sqlite);
        var relevant = Reports.Where(r => r.Assessment == "relevant").ToList();
        var period = relevant.Where(InPeriod).ToList();

        var findings = (await PictureAsync(app, Coordinator))["findings"]!.AsArray().Select(f => (string)f!).ToList();

        var topCategory = Categories.OrderByDescending(c => period.Count(r => r.Categories.Contains(c))).ThenBy(c => c, StringComparer.Ordinal).First();
        Codes.TryParse<ReportCategory>(topCategory, out var category);
        Assert.Contains(findings, f => f.Contains(category.Label().ToLower(System.Globalization.CultureInfo.GetCultureInfo("sv-SE")))
            && f.Contains($"{period.Count(r => r.Categories.Contains(topCategory))} rapporter"));
        var topEnvironment = Environments.OrderByDescending(e => period.Count(r => r.Environment == e)).ThenBy(e => e, StringComparer.Ordinal).First();
        Codes.TryParse<ExtremistEnvironment>(topEnvironment, out var environment);
        Assert.Contains(findings, f => f.Contains(environment.Label().ToLower(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))));
        var (last, before) = (relevant.Count(r => r.Date.Year == 2025), relevant.Count(r => r.Date.Year == 2024));
        Assert.Contains(findings, f => f.StartsWith($"Under 2025 bedömdes {last} rapporter", StringComparison.Ordinal) && f.Contains($"jämfört med 2024 ({before})"));
    }

    [Fact]
    public async Task UsedInThePlan_AndFrozenWhenThePlanIsApproved_ARelevantReportAfterwardsChangesOnlyTheLiveCounts()
    {
        using var app = await FiledAndAssessedAsync(DatabaseProvider.Sqlite);
        var client = await WithADraftPlanAsync(app);

        var page = await client.GetPageAsync("/lagesbild/skarholmen/2026");
        var edited = await client.SubmitAsync(page.Form("main form:not([action*=handler])"), new Dictionary<string, string>
        {
            ["Texts.Findings"] = "Klottret vid skolorna har ökat.\nTvå forum har haft frågan på dagordningen.", ["Texts.Mapping"] = "Kartläggningen bygger på rapporter och polisens bild.",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        page = await client.GetPageAsync("/lagesbild/skarholmen/2026");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page.Form("form[action*=Use]"))).StatusCode);
        var plan = (await client.GetPageAsync("/planer/skarholmen/2026")).QuerySelector("main")!.TextContent;
        Assert.Contains("Följande har framkommit:", plan);
        Assert.Contains("Klottret vid skolorna har ökat.", plan);
        Assert.Contains("Kartläggningen bygger på rapporter och polisens bild.", plan);

        foreach (var (to, values) in new (string, Dictionary<string, string>)[]
        {
            ("consultation", []),
            ("decided", new() { ["Input.Diarienummer"] = "1.2.3-456/2026", ["Input.DecidedOn"] = "2026-09-20" }),
            ("approved", new() { ["Input.ApprovedOn"] = "2026-10-01" }),
        })
        {
            var stage = await client.GetPageAsync("/planer/skarholmen/2026/steg");
            values["Input.To"] = to;
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(stage.Form(), values)).StatusCode);
        }
        var frozen = await PictureAsync(app, Coordinator);
        Assert.True((bool)frozen["frozen"]!);

        var employee = await app.ApiClientAsync(Employee);
        var filed = await employee.PostAsync("/api/v1/reports", new StringContent(
            """{"date":"2026-08-01","council":"skarholmen","placeType":"school","categories":["graffiti"],"environment":"rightWing","source":"ownOperation","description":"Nytt klotter."}""",
            Encoding.UTF8, "application/json"));
        var assessed = await (await app.ApiClientAsync(Coordinator)).PostAsync($"{filed.Headers.Location}/assessment",
            new StringContent("""{"assessment":"relevant"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);

        var live = await app.WithDbAsync(db => db.ReportTallies.Where(t => t.Assessment == Assessment.Relevant && t.Year == 2026 && t.Quarter == 3).SumAsync(t => t.Count));
        Assert.Equal(Reports.Count(r => r.Assessment == "relevant" && r.Date.Year == 2026 && r.Quarter == 3) + 1, live);
        Assert.Equal(frozen.ToJsonString(), (await PictureAsync(app, Coordinator)).ToJsonString());
        var shown = await client.GetPageAsync("/lagesbild/skarholmen/2026");
        Assert.Contains("Fastställd 2026-", shown.QuerySelector("main")!.TextContent);
        Assert.Null(shown.QuerySelector("form[action*=Use]"));
        Assert.Equal(HttpStatusCode.Conflict, (await client.SubmitAsync(page.Form("form[action*=Use]"))).StatusCode);
    }

    /// <summary>The coordinator, signed in, with a draft plan for 2026.</summary>
    private static async Task<HttpClient> WithADraftPlanAsync(VarnFactory app)
    {
        var client = await app.SignedInAsync(Coordinator);
        var form = await client.GetPageAsync("/planer/ny");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Council"] = "skarholmen", ["Input.Year"] = "2026" })).StatusCode);
        return client;
    }

    /// <summary>Two coordinators on one picture: what goes into the plan is what the one who chose it has read.</summary>
    [Fact]
    public async Task UseInThePlan_AfterAnotherCoordinatorChangedTheTexts_IsRefused_AndShowsTheTextAsItStands()
    {
        using var app = await FiledAndAssessedAsync(DatabaseProvider.Sqlite);
        var client = await WithADraftPlanAsync(app);
        var read = await client.GetPageAsync("/lagesbild/skarholmen/2026");

        var other = await client.GetPageAsync("/lagesbild/skarholmen/2026");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(other.Form("main form:not([action*=handler])"), new Dictionary<string, string>
        {
            ["Texts.Analysis"] = "Den andra samordnarens analys.",
        })).StatusCode);

        var refused = await client.SubmitAsync(read.Form("form[action*=Use]"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var shown = await Html.ParseAsync(refused);
        Assert.Contains("Någon har ändrat lägesbilden sedan du öppnade sidan.", shown.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Den andra samordnarens analys.", shown.QuerySelector("textarea[name='Texts.Analysis']")!.TextContent.Trim());
        Assert.DoesNotContain("Den andra samordnarens analys.", (await client.GetPageAsync("/planer/skarholmen/2026")).QuerySelector("main")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(shown.Form("form[action*=Use]"))).StatusCode);
        Assert.Contains("Den andra samordnarens analys.", (await client.GetPageAsync("/planer/skarholmen/2026")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task TheExports_HideWhatThePageHides_AndTheWordFileIsTheLokalLagesbildChapter()
    {
        using var app = await FiledAndAssessedAsync(DatabaseProvider.Sqlite);
        var reader = await app.SignedInAsync(Reader);
        var coordinator = await app.SignedInAsync(Coordinator);

        var readerCsv = await reader.GetStringAsync("/lagesbild/skarholmen/2026?handler=Csv");
        var exactCsv = await coordinator.GetStringAsync("/lagesbild/skarholmen/2026?handler=Csv");
        var hidden = (await PictureAsync(app, Reader))["reports"]!["cells"]!.AsArray().Count(c => (bool)c!["suppressed"]!);
        Assert.True(hidden > 0);
        Assert.Equal(hidden, readerCsv.Split('\n').Count(l => l.StartsWith("Miljö och kategori", StringComparison.Ordinal) && (l.Contains("färre än 3") || l.Contains("dolt"))));
        Assert.DoesNotContain("färre än 3", exactCsv);

        var word = await coordinator.GetAsync("/lagesbild/skarholmen/2026?handler=Word");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Lokal lägesbild 2026", text);
        Assert.Contains("Följande har framkommit", text);
        Assert.Contains("Utveckling över sju år", text);
        var xlsx = await reader.GetAsync("/lagesbild/skarholmen/2026?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "situation.exported")));
    }

    [Fact]
    public async Task TheSurveysKeyShares_JoinThePicture_FromTheLatestClosedRound()
    {
        using var app = new VarnFactory();
        var year = app.Clock.Today().Year;
        var coordinator = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var results = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/surveys/skarholmen/{year - 1}/results"))!;

        var picture = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/situation/skarholmen/{year}"))!;

        var survey = picture["survey"]!;
        Assert.Equal(year - 1, (int)survey["year"]!);
        Assert.Equal((int)results["answered"]!, (int)survey["answered"]!);
        Assert.Equal((double)results["responseRate"]!, (double)survey["responseRate"]!);
        Assert.NotNull(survey["yesShares"]!["seenExpressions"]);
        Assert.Contains(picture["findings"]!.AsArray(), f => ((string)f!).StartsWith($"I enkäten {year - 1} kom {(int)survey["answered"]!} svar", StringComparison.Ordinal));
    }
}

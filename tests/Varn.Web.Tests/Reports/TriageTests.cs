using System.Net;
using System.Text.Json;
using System.Text;
using Varn.Core.Reports;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reports;

public abstract class TriageTests(DatabaseProvider database) : DataTests(database)
{
    private int reportId;

    private const string Secret = "Klotter med hakkors vid Bredängs skolgård, kvittoord-4412.";

    protected override async Task ArrangeAsync()
    {
        var employee = await App.SignedInAsync(TestAccounts.SkarholmenEmployee);
        var form = await employee.GetPageAsync("/rapportera");
        var response = await employee.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Month"] = "2024-03",
            ["Input.PlaceType"] = "school",
            ["Input.Environment"] = "rightWing",
            ["Input.Source"] = "ownOperation",
            ["Input.Description"] = Secret,
            ["Input.Categories"] = "graffiti",
            ["Input.ReporterContact"] = "medarbetare.skarholmen@varn.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        reportId = await App.WithDbAsync(db => db.Reports.Where(r => r.Description == Secret).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task SubmittedReport_KeepsNoTraceOfTheReporterBeyondWhatTheyChose()
    {
        var report = await App.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == reportId));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "DeidentifiedReport" && a.EntityId == reportId.ToString()).ToListAsync());

        Assert.True(report.MonthOnly);
        Assert.Equal(new DateOnly(2024, 3, 1), report.OccurredOn);
        Assert.Null(report.ReporterUnitId);
        var created = Assert.Single(audit);
        Assert.Equal("anmälare till Skärholmens stadsdelsnämnd", created.Actor);
        Assert.Null(created.ActorId);
    }

    [Fact]
    public async Task CoordinatorOfTheCouncil_AssessesAndTheLogHoldsNoDescription()
    {
        var coordinator = await App.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var page = await coordinator.GetPageAsync($"/rapporter/{reportId}");

        var refused = await coordinator.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Assessment"] = "relevant", ["Input.Note"] = "Ring 070-174 06 05" });
        var assessed = await coordinator.SubmitAsync((await coordinator.GetPageAsync($"/rapporter/{reportId}")).Form(), new Dictionary<string, string> { ["Input.Assessment"] = "relevant", ["Input.Note"] = "Sanerat, polisen informerad." });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ett telefonnummer", (await Html.ParseAsync(refused)).QuerySelector("#Input_Note-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        var report = await App.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == reportId));
        Assert.Equal((Assessment.Relevant, "Demo Samordnare Skärholmen"), (report.Assessment, report.AssessedBy));
        var rows = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(rows, r => r.Action == "DeidentifiedReport.updated" && r.EntityId == reportId.ToString() && r.Actor == "Demo Samordnare Skärholmen");
        Assert.DoesNotContain(rows, r => $"{r.Summary} {r.Action} {r.Entity} {r.EntityId}".Contains("kvittoord-4412", StringComparison.Ordinal) || (r.Summary ?? "").Contains("Sanerat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherCouncilsCoordinator_CannotSeeAssessOrExportTheReport()
    {
        var kungsholmen = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var api = await App.ApiClientAsync(TestAccounts.KungsholmenCoordinator);

        var show = await kungsholmen.GetAsync($"/rapporter/{reportId}");
        var token = (await kungsholmen.GetPageAsync("/konto")).AntiforgeryToken();
        var assess = await kungsholmen.PostAsync($"/rapporter/{reportId}?handler=Assess", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Assessment"] = "notRelevant", ["Input.Version"] = "0",
        }));
        var bulk = await kungsholmen.PostAsync("/rapporter?handler=Assess", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Bulk.Selected"] = reportId.ToString(), ["Bulk.Assessment"] = "notRelevant",
        }));
        var queue = await kungsholmen.GetStringAsync("/rapporter?Filter.Status=all");
        var csv = await kungsholmen.GetStringAsync("/rapporter?handler=Csv&Filter.Status=all");
        var list = await api.GetAsync("/api/v1/reports?council=skarholmen");

        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assess.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.DoesNotContain("kvittoord-4412", queue);
        Assert.DoesNotContain("kvittoord-4412", csv);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.Reports.Where(r => r.Id == reportId).Select(r => r.Assessment).SingleAsync()));
    }

    [Fact]
    public async Task OwnCoordinator_ExportsTheFilteredListAsCsv_WithoutReporterContact()
    {
        var coordinator = await App.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        var response = await coordinator.GetAsync("/rapporter?handler=Csv&Filter.Status=new&Filter.Council=skarholmen");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("kvittoord-4412", csv);
        Assert.DoesNotContain("medarbetare.skarholmen@varn.example", csv);
        Assert.DoesNotContain("kungsholmen", csv, StringComparison.OrdinalIgnoreCase);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "reports.exported")));
    }

    [Fact]
    public async Task BulkAssessment_AssessesTheMarkedReports()
    {
        var coordinator = await App.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var page = await coordinator.GetPageAsync("/rapporter?Filter.Council=skarholmen&Filter.Status=all");
        var boxes = page.QuerySelectorAll("input[name='Bulk.Selected']").Take(3).Cast<AngleSharp.Html.Dom.IHtmlInputElement>().ToList();
        boxes.ForEach(b => b.IsChecked = true);
        var ids = boxes.Select(b => int.Parse(b.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var response = await coordinator.SubmitAsync(page.Form("form[action*=Assess]"), new Dictionary<string, string> { ["Bulk.Assessment"] = "wronglyRegistered" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var assessments = await App.WithDbAsync(db => db.Reports.Where(r => ids.Contains(r.Id)).Select(r => r.Assessment).ToListAsync());
        Assert.Equal(3, assessments.Count);
        Assert.All(assessments, a => Assert.Equal(Assessment.WronglyRegistered, a));
    }

    public static TheoryData<string, HttpStatusCode, string> BadReports => new()
    {
        { "{}", HttpStatusCode.UnprocessableEntity, "date,council,placeType,environment,source,categories,description" },
        { """{"date":"2023-05-01","council":"skarholmen","placeType":"school","categories":["graffiti","arson"],"environment":"rightWing","source":"ownOperation","description":"Klotter."}""", HttpStatusCode.UnprocessableEntity, "categories" },
        { """{"date":20230501,"council":"skarholmen","placeType":"school","categories":"graffiti","environment":"rightWing","source":"ownOperation","description":"Klotter."}""", HttpStatusCode.BadRequest, "date,categories" },
        { """{"date":"2023-05-01","month":"2023-05","council":"gotham","placeType":"school","categories":["graffiti"],"environment":"rightWing","source":"ownOperation","description":"Klotter.","extra":1}""", HttpStatusCode.BadRequest, "extra" },
        { """{"date":"2023-02-30","council":"gotham","placeType":"park","categories":["graffiti"],"environment":"rightWing","source":"ownOperation","description":"Klotter."}""", HttpStatusCode.UnprocessableEntity, "date,council,placeType" },
        { "not json", HttpStatusCode.BadRequest, "$" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task Api_BadInput_IsRefusedWithTheFieldsNamed(string body, HttpStatusCode expected, string fields)
    {
        var api = await App.ApiClientAsync(TestAccounts.SkarholmenEmployee);
        var before = await App.WithDbAsync(db => db.Reports.CountAsync());

        var response = await api.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var named = json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(fields.Split(','), field => Assert.Contains(field, named));
        Assert.Equal(before, await App.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Api_OneMegabyteDescription_IsRefusedOnTheField()
    {
        var api = await App.ApiClientAsync(TestAccounts.SkarholmenEmployee);
        var body = JsonSerializer.Serialize(new { date = "2023-05-01", council = "skarholmen", placeType = "school", categories = new[] { "graffiti" }, environment = "rightWing", source = "ownOperation", description = new string('a', 1024 * 1024) });

        var response = await api.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("högst 4000 tecken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Form_WithoutDateOrCategory_IsRefusedWithTheErrorsTiedToTheFields()
    {
        var employee = await App.SignedInAsync(TestAccounts.SkarholmenEmployee);
        var page = await employee.GetPageAsync("/rapportera");

        var response = await employee.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Description"] = "Klotter vid skolan." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await Html.ParseAsync(response);
        var links = result.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_Date", links);
        Assert.Contains("#Input_Categories", links);
        Assert.NotNull(result.QuerySelector("#Input_Categories"));
        Assert.Equal("Klotter vid skolan.", result.QuerySelector("#Input_Description")!.TextContent);
    }
}

public sealed class TriageOnSqliteTests() : TriageTests(DatabaseProvider.Sqlite);

public sealed class TriageOnPostgresTests() : TriageTests(DatabaseProvider.Postgres);

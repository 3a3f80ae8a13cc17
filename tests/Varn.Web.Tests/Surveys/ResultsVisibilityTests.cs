using System.Net;
using System.Text;
using System.Text.Json;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Surveys;

/// <summary>
/// Who sees a round's results and how: the coordinator the exact counts, a reader of the council "färre än 3" for
/// 1–2 and never a total that gives a hidden count away; free text only for the coordinator; nothing before closing.
/// </summary>
public class ResultsVisibilityTests : IAsyncLifetime
{
    private readonly VarnFactory app = new();
    private int year;

    public async Task InitializeAsync()
    {
        year = app.Clock.Today().Year;
        var coordinator = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var recipients = new object[]
        {
            new { name = "Socialtjänsten", kind = "unit" }, new { name = "Medborgarkontoret", kind = "unit" }, new { name = "Förskola och fritid", kind = "unit" },
            new { name = "Föreningen Prov", kind = "external" }, new { name = "Bostadsbolaget Prov", kind = "external" }, new { name = "Trafikbolaget Prov", kind = "external" },
        };
        await app.WithDbAsync(db => db.SurveyRounds.Where(r => r.Council!.Short == "skarholmen" && r.Year == year).ExecuteDeleteAsync());
        var created = await coordinator.PostAsync($"/api/v1/surveys/skarholmen/{year}", Json(new { closes = app.Clock.Today().AddDays(7).ToString("yyyy-MM-dd"), recipients }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var invited = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var tokens = invited.RootElement.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("url").GetString()!).Select(u => u[(u.LastIndexOf('/') + 1)..]).ToList();
        string[] seen = ["yes", "no", "no", "no", "no", "dontKnow"];
        var anonymous = app.CreateClient();
        for (var i = 0; i < tokens.Count; i++)
        {
            await anonymous.PostAsync("/api/v1/surveys/answers", Json(new { token = tokens[i], answers = new { seenExpressions = seen[i], comments = i == 0 ? "Klotter vid entrén." : null } }));
        }
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BeforeClosing_ReaderSeesNothing_CoordinatorSeesCountsButNoFreeText()
    {
        var reader = await app.ApiClientAsync(TestAccounts.SkarholmenReader);
        var coordinator = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);

        var readers = await reader.GetAsync($"/api/v1/surveys/skarholmen/{year}/results");
        var coordinators = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/surveys/skarholmen/{year}/results")).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, readers.StatusCode);
        Assert.Equal(6, coordinators.GetProperty("answered").GetInt32());
        Assert.Empty(coordinators.GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task AfterClosing_TheReaderSeesFewerThan3AndNoTotalGivesAHiddenCountAway_TheCoordinatorSeesTheNumbers()
    {
        var coordinatorApi = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorApi.PostAsync($"/api/v1/surveys/skarholmen/{year}/close", null)).StatusCode);
        var reader = await app.SignedInAsync(TestAccounts.SkarholmenReader);
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        var exact = JsonDocument.Parse(await coordinatorApi.GetStringAsync($"/api/v1/surveys/skarholmen/{year}/results")).RootElement;
        var protectedView = JsonDocument.Parse(await (await app.ApiClientAsync(TestAccounts.SkarholmenReader)).GetStringAsync($"/api/v1/surveys/skarholmen/{year}/results")).RootElement;
        var readerPage = await reader.GetPageAsync($"/enkater/skarholmen/{year}/resultat");
        var coordinatorPage = await coordinator.GetPageAsync($"/enkater/skarholmen/{year}/resultat");

        var seenExact = Question(exact, "seenExpressions");
        var seenProtected = Question(protectedView, "seenExpressions");
        Assert.Equal((1, 4, 1), (seenExact.GetProperty("counts").GetProperty("yes").GetInt32(), seenExact.GetProperty("counts").GetProperty("no").GetInt32(), seenExact.GetProperty("counts").GetProperty("dontKnow").GetInt32()));
        Assert.Equal(JsonValueKind.Null, seenProtected.GetProperty("counts").GetProperty("yes").ValueKind);
        Assert.True(seenProtected.GetProperty("suppressed").GetBoolean());
        Assert.True(protectedView.GetProperty("suppressed").GetBoolean());
        Assert.Contains("färre än 3", readerPage.Body!.TextContent);
        Assert.DoesNotContain("färre än 3", coordinatorPage.Body!.TextContent);
        Assert.Single(exact.GetProperty("comments").EnumerateArray());
        Assert.Empty(protectedView.GetProperty("comments").EnumerateArray());
        Assert.DoesNotContain("Klotter vid entrén.", readerPage.Body!.TextContent);
        foreach (var question in protectedView.GetProperty("questions").EnumerateArray())
        {
            AssertNoTotalWithExactlyOneHiddenCount(question);
        }
    }

    [Fact]
    public async Task Exports_CarryWhatTheViewerMaySee_AsCsvAndAsAWorkbookThatOpens()
    {
        var coordinatorApi = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorApi.PostAsync($"/api/v1/surveys/skarholmen/{year}/close", null)).StatusCode);
        var reader = await app.SignedInAsync(TestAccounts.SkarholmenReader);
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        var readerRows = Rows(await reader.GetByteArrayAsync($"/enkater/skarholmen/{year}/resultat?handler=Xlsx"));
        var coordinatorRows = Rows(await coordinator.GetByteArrayAsync($"/enkater/skarholmen/{year}/resultat?handler=Xlsx"));
        var readerCsv = Encoding.UTF8.GetString(await reader.GetByteArrayAsync($"/enkater/skarholmen/{year}/resultat?handler=Csv"));

        Assert.Equal("Fråga", readerRows[0][0]);
        Assert.Equal("färre än 3", readerRows.Single(r => r[0] == "seenExpressions" && r[2] == "yes")[4]);
        Assert.Equal("4", readerRows.Single(r => r[0] == "seenExpressions" && r[2] == "no")[4]);
        Assert.Equal("1", coordinatorRows.Single(r => r[0] == "seenExpressions" && r[2] == "yes")[4]);
        Assert.Contains("seenExpressions;", readerCsv);
        Assert.Contains(";färre än 3;", readerCsv);
    }

    /// <summary>The workbook's first sheet as text, row by row, read with the Open XML SDK (which refuses a malformed package).</summary>
    private static List<string[]> Rows(byte[] workbook)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    /// <summary>Every published total of a question: per option all = units + external; and for one-choice questions, answered = the options' sum.</summary>
    private static void AssertNoTotalWithExactlyOneHiddenCount(JsonElement question)
    {
        var code = question.GetProperty("code").GetString();
        var counts = question.GetProperty("counts");
        var units = question.GetProperty("byKind").GetProperty("unit");
        var external = question.GetProperty("byKind").GetProperty("external");
        foreach (var option in counts.EnumerateObject())
        {
            var hidden = new[] { option.Value, units.GetProperty(option.Name), external.GetProperty(option.Name) }.Count(v => v.ValueKind == JsonValueKind.Null);
            Assert.True(hidden != 1, $"{code}/{option.Name}: one hidden count in «all = units + external» can be worked out.");
        }
        if (question.GetProperty("counts").EnumerateObject().Any(o => o.Name == "dontKnow"))
        {
            var hidden = counts.EnumerateObject().Select(o => o.Value).Append(question.GetProperty("answered")).Count(v => v.ValueKind == JsonValueKind.Null);
            Assert.True(hidden != 1, $"{code}: one hidden count in «answered = yes + no + don't know» can be worked out.");
        }
    }

    private static JsonElement Question(JsonElement results, string code) =>
        results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("code").GetString() == code);

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}

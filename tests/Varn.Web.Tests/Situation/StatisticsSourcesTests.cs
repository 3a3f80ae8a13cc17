using System.Net;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Situation;

/// <summary>The city's list of statistics sources: kept by the central coordinator, used by every council's sources page.</summary>
public class StatisticsSourcesTests
{
    [Fact]
    public async Task TheCentralCoordinator_AddsASource_ThatCouncilsFillIn_AndASourceInUseIsNotRemoved()
    {
        using var app = new VarnFactory();
        var central = await app.SignedInAsync(TestAccounts.Central);
        var list = await central.GetPageAsync("/lagesbild/kallor");
        Assert.Contains("IA – ärenden", list.QuerySelector("table")!.TextContent);

        var added = await central.SubmitAsync(list.Form("main form:not([action*=handler])"), new Dictionary<string, string> { ["Input.Name"] = "Skolornas incidentrapporter" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var again = await central.SubmitAsync((await central.GetPageAsync("/lagesbild/kallor")).Form("main form:not([action*=handler])"),
            new Dictionary<string, string> { ["Input.Name"] = "skolornas incidentrapporter" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var sources = await coordinator.GetPageAsync($"/lagesbild/skarholmen/{app.Clock.Today().Year}/underlag");
        var label = sources.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "Skolornas incidentrapporter");
        var field = label.GetAttribute("for")!;
        var saved = await coordinator.SubmitAsync(sources.Form("form[action*=Sources]"), new Dictionary<string, string> { [sources.GetElementById(field)!.GetAttribute("name")!] = "12" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        list = await central.GetPageAsync("/lagesbild/kallor");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Skolornas incidentrapporter"));
        Assert.Null(row.QuerySelector("form"));
        var inUse = await app.WithDbAsync(db => db.StatisticsSources.Where(s => s.Name == "Skolornas incidentrapporter").Select(s => s.Id).SingleAsync());
        var refused = await central.PostAsync($"/lagesbild/kallor?handler=Remove&id={inUse}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = list.AntiforgeryToken() }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.StatisticsFigures.CountAsync(f => f.SourceId == inUse && f.Count == 12)));
        var ia = list.QuerySelectorAll("tbody tr").First(r => r.QuerySelector("form") is not null);
        Assert.Equal(HttpStatusCode.Redirect, (await central.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)ia.QuerySelector("form")!)).StatusCode);
    }

    [Fact]
    public async Task StatisticsFromACsvFile_AreImportedWhole_OrNotAtAll_WithTheLineOfEachProblem()
    {
        using var app = new VarnFactory();
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var year = app.Clock.Today().Year;

        var bad = await UploadAsync(coordinator, year, "Källa;Antal\nIA – ärenden;14\nOkänd källa;3\nIA – varav VBE-relaterade;fyra\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = (await Html.ParseAsync(bad)).QuerySelector("#Import-error")!.TextContent;
        Assert.Contains("Rad 3: källan «Okänd källa» finns inte", message);
        Assert.Contains("Rad 4, antal", message);
        Assert.Equal(0, await app.WithDbAsync(db => db.StatisticsFigures.CountAsync()));

        var good = await UploadAsync(coordinator, year, "källa,antal\r\nia – ärenden,14\r\n\r\nIA – varav VBE-relaterade,\"1 200\"\r\n");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var picture = await (await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator)).GetStringAsync($"/api/v1/situation/skarholmen/{year}");
        Assert.Contains("\"source\":\"IA – ärenden\",\"count\":14", picture);
        Assert.Contains("\"source\":\"IA – varav VBE-relaterade\",\"count\":1200", picture);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int year, string csv)
    {
        var page = await client.GetPageAsync($"/lagesbild/skarholmen/{year}/underlag");
        var form = page.Forms.Single(f => f.Action.Contains("handler=Import"));
        var content = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "Import", "statistik.csv");
        return await client.PostAsync(form.Action, content);
    }
}

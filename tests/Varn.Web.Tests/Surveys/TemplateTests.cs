using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Surveys;

/// <summary>The city's questionnaire: the central coordinator rewords a question; a round keeps the wording it was opened with.</summary>
public class TemplateTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Rewording_ReachesRoundsOpenedAfterIt_NotTheOneAlreadyOpen()
    {
        var year = app.Clock.Today().Year;
        var api = await app.ApiClientAsync(TestAccounts.Central);
        var before = await OpenAsync(api, "kungsholmen", year);
        var central = await app.SignedInAsync(TestAccounts.Central);

        var form = (await central.GetPageAsync($"/enkater/mall/{year}")).Forms.Single(f => f.Elements["Input.Version"] is not null);
        var saved = await central.SubmitAsync(form, new Dictionary<string, string> { ["Input.Labels[seenExpressions]"] = "Har ni i er verksamhet sett uttryck för våldsbejakande extremism under året?" });
        var after = await OpenAsync(api, "norrmalm", year);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("sett uttryck för våldsbejakande extremism under året?", (await app.Browser().GetPageAsync(after)).Body!.TextContent);
        Assert.DoesNotContain("under året?", (await app.Browser().GetPageAsync(before)).Body!.TextContent);
        Assert.Contains("version 1", (await central.GetPageAsync($"/enkater/mall/{year}")).Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BlankQuestion_IsRefusedAtItsField_EverythingTypedKept_NothingSaved()
    {
        var year = app.Clock.Today().Year;
        var central = await app.SignedInAsync(TestAccounts.Central);
        var form = (await central.GetPageAsync($"/enkater/mall/{year}")).Forms.Single(f => f.Elements["Input.Version"] is not null);

        var refused = await central.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Labels[seenExpressions]"] = " ",
            ["Input.Helps[comments]"] = "Skriv inga namn.",
        });
        var page = await Html.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("#Input_Labels_seenExpressions_", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Skriv inga namn.", ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Input.Helps[comments]']")!).Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyTemplates.CountAsync(t => t.Year == year)));
    }

    [Fact]
    public async Task PostWithoutTheQuestionFields_IsRefused_NotAServerError()
    {
        var central = await app.SignedInAsync(TestAccounts.Central);
        var form = (await central.GetPageAsync("/enkater/mall")).Forms.Single(f => f.Elements["Input.Version"] is not null);
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

        var refused = await central.PostAsync("/enkater/mall", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Version"] = "0" }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ange frågans formulering.", (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent);
    }

    /// <summary>Opens a round for one external actor and returns its link's path.</summary>
    private async Task<string> OpenAsync(HttpClient api, string council, int year)
    {
        var response = await api.PostAsync($"/api/v1/surveys/{council}/{year}", new StringContent(JsonSerializer.Serialize(new
        {
            closes = app.Clock.Today().AddDays(14).ToString("yyyy-MM-dd"),
            recipients = new[] { new { name = "Föreningen Prov", kind = "external" } },
        }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Uri(body.RootElement.GetProperty("invitations")[0].GetProperty("url").GetString()!).PathAndQuery;
    }
}

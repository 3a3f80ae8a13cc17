using System.Net;
using System.Text;
using System.Text.Json;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Surveys;

/// <summary>Answering by link: personal data in the comments is refused with nothing stored and nothing lost; links that cannot be used say so.</summary>
public class AnswerFormTests : IAsyncLifetime
{
    private readonly VarnFactory app = new();
    private List<string> tokens = [];

    public async Task InitializeAsync()
    {
        var coordinator = await app.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        var created = await coordinator.PostAsync($"/api/v1/surveys/kungsholmen/{app.Clock.Today().Year}", Json(new
        {
            closes = app.Clock.Today().AddDays(7).ToString("yyyy-MM-dd"),
            recipients = new[] { new { name = "Föreningen Prov", kind = "external" }, new { name = "Församlingen Prov", kind = "external" } },
        }));
        using var invited = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        tokens = invited.RootElement.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("url").GetString()!).Select(u => u[(u.LastIndexOf('/') + 1)..]).ToList();
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PersonalDataInComments_ThroughTheForm_IsRefusedOnTheField_NothingStored_AndEverythingTypedKept()
    {
        var browser = app.Browser();
        var form = await browser.GetPageAsync($"/enkat/{tokens[0]}");
        const string Comment = "Ring pappan på 070–174 06 47 om ni vill veta mer.";

        var refused = await browser.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Choices[seenExpressions]"] = "yes",
            ["Input.Several[observed]"] = "stickers",
            ["Input.Comments"] = Comment,
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("ett telefonnummer (tecken 16–28)", page.QuerySelector("#Input_Comments-error")!.TextContent);
        Assert.Contains("#Input_Comments", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(Comment, page.QuerySelector("textarea[name='Input.Comments']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("input[name='Input.Choices[seenExpressions]'][value=yes][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Several[observed]'][value=stickers][checked]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => !a.IsSynthetic && a.RoundId == db.SurveyRounds.Single(r => r.Council!.Short == "kungsholmen").Id)));
    }

    [Fact]
    public async Task PersonalDataInComments_ThroughTheApi_Is422WithTheFieldNamed_AndTheLinkStillWorks()
    {
        var anonymous = app.CreateClient();

        var refused = await anonymous.PostAsync("/api/v1/surveys/answers", Json(new { token = tokens[1], answers = new { seenExpressions = "no", comments = "Han bor på Exempelgatan 12." } }));
        var accepted = await anonymous.PostAsync("/api/v1/surveys/answers", Json(new { token = tokens[1], answers = new { seenExpressions = "no", comments = "Inget att rapportera." } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("en gatuadress", problem.RootElement.GetProperty("errors").GetProperty("answers.comments")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("kort")]
    public async Task UnknownLink_IsNotFound_ByPageAndApi(string token)
    {
        var page = await app.Browser().GetAsync($"/enkat/{token}");
        var api = await app.CreateClient().PostAsync("/api/v1/surveys/answers", Json(new { token, answers = new { seenExpressions = "no" } }));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Länken finns inte", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task ClosedRound_LinkIsGone_ByPageAndApi()
    {
        var coordinator = await app.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        await coordinator.PostAsync($"/api/v1/surveys/kungsholmen/{app.Clock.Today().Year}/close", null);

        var page = await app.Browser().GetAsync($"/enkat/{tokens[0]}");
        var api = await app.CreateClient().PostAsync("/api/v1/surveys/answers", Json(new { token = tokens[0], answers = new { seenExpressions = "no" } }));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("Enkäten är stängd", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
    }

    [Theory]
    [InlineData("""{"token":5}""", "token")]
    [InlineData("""{"token":"x","answers":{"observed":"graffiti"}}""", "answers.observed")]
    [InlineData("""{"token":"x","answers":{"relativesContacted":{"rightWing":"två"}}}""", "answers.relativesContacted.rightWing")]
    [InlineData("""{"token":"x","answers":{"favouriteColour":"blå"}}""", "answers.favouriteColour")]
    [InlineData("""{"token":"x","extra":1}""", "extra")]
    [InlineData("not json", "$")]
    public async Task UnreadableAnswer_Is400WithTheFieldNamed(string body, string field)
    {
        var response = await app.CreateClient().PostAsync("/api/v1/surveys/answers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"The problem names {field}: {problem.RootElement}");
    }

    [Fact]
    public async Task InvalidValues_Are422WithEveryFieldNamed()
    {
        var response = await app.CreateClient().PostAsync("/api/v1/surveys/answers", Json(new
        {
            token = tokens[0],
            answers = new { seenExpressions = "kanske", observed = new[] { "none", "graffiti" }, relativesContacted = new { rightWing = -1 } },
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var named = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["answers.observed", "answers.relativesContacted.rightWing", "answers.seenExpressions"], named.Order());
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}

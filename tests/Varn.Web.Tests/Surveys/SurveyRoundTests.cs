using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Email;
using Varn.Core.Surveys;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Surveys;

/// <summary>A round from invitation to results: e-mailed links (pickup), answers by form and API, single use, results.</summary>
public sealed class SurveyRoundTests : IDisposable
{
    private readonly string mail = Directory.CreateTempSubdirectory("varn-mail-").FullName;
    private readonly VarnFactory app;

    public SurveyRoundTests()
    {
        app = new VarnFactory(settings: new Dictionary<string, string>
        {
            ["Varn:Email:Mode"] = "Pickup",
            ["Varn:Email:PickupDirectory"] = mail,
            ["Varn:Email:PollSeconds"] = "3600",
        });
    }

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(mail, recursive: true);
    }

    [Fact]
    public async Task SixInvitedInPickupMode_FiveAnswerByFormAndApi_ResultsCountThoseFive_AndALinkWorksOnce()
    {
        var coordinator = await app.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        var year = app.Clock.Today().Year;
        await app.WithDbAsync(async db =>
        {
            var council = await db.Councils.SingleAsync(c => c.Short == "kungsholmen");
            db.Units.AddRange(new Core.Organisation.Unit { CouncilId = council.Id, Name = "Förskolan Prov" }, new Core.Organisation.Unit { CouncilId = council.Id, Name = "Fritidsgården Prov" }, new Core.Organisation.Unit { CouncilId = council.Id, Name = "Socialtjänsten Prov" });
            await db.SaveChangesAsync();
        });
        var body = JsonSerializer.Serialize(new
        {
            closes = app.Clock.Today().AddDays(14).ToString("yyyy-MM-dd"),
            recipients = new object[]
            {
                new { name = "Förskolan Prov", kind = "unit", email = "forskolan@stad.example" },
                new { name = "Fritidsgården Prov", kind = "unit", email = "fritidsgarden@stad.example" },
                new { name = "Socialtjänsten Prov", kind = "unit", email = "socialtjansten@stad.example" },
                new { name = "Bostadsbolaget Prov", kind = "external", email = "bostad@example.org" },
                new { name = "Föreningen Prov", kind = "external", email = "forening@example.org" },
                new { name = "Räddningstjänsten Prov", kind = "external", email = "rtj@example.org" },
            },
        });

        var created = await coordinator.PostAsync($"/api/v1/surveys/kungsholmen/{year}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var invited = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var links = invited.RootElement.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("url").GetString()!).ToList();
        var sent = await app.WithServicesAsync(s => s.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));

        Assert.Equal(6, sent);
        var files = Directory.GetFiles(mail, "*.eml");
        Assert.Equal(6, files.Length);
        var messages = files.Select(f => MimeKit.MimeMessage.Load(f).TextBody).ToList();
        Assert.All(links, link => Assert.Single(messages, m => m?.Contains(link, StringComparison.Ordinal) == true));
        Assert.All(await app.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync()), m => Assert.Equal((OutboxState.Sent, (string?)null), (m.State, m.Body)));

        var browser = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            var form = await browser.GetPageAsync(new Uri(links[i]).PathAndQuery);
            var review = await browser.SubmitAsync(form.Form(), new Dictionary<string, string>
            {
                ["Input.Choices[seenExpressions]"] = i == 0 ? "yes" : "no",
                ["Input.Several[observed]"] = i == 0 ? "graffiti,stickers" : "none",
                ["Input.Relatives[rightWing]"] = i == 0 ? "1" : "0",
            });
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
            var summary = await Html.ParseAsync(review);
            var submitted = await browser.SubmitAsync(summary.Form(), null, (AngleSharp.Html.Dom.IHtmlElement)summary.QuerySelector("button[formaction*=Submit]")!);
            Assert.Equal("/enkat/tack", submitted.Location());
        }
        var anonymous = app.CreateClient();
        foreach (var link in links.Skip(3).Take(2))
        {
            var answer = await anonymous.PostAsync("/api/v1/surveys/answers", Json(new { token = Token(link), answers = new { seenExpressions = "dontKnow", observed = new[] { "none" }, comments = "Inget särskilt att rapportera." } }));
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        }
        var before = await CountsAsync();
        var again = await anonymous.PostAsync("/api/v1/surveys/answers", Json(new { token = Token(links[3]), answers = new { seenExpressions = "yes" } }));
        var againByForm = await browser.GetAsync(new Uri(links[0]).PathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Gone, againByForm.StatusCode);
        Assert.Contains("redan besvarad", await againByForm.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
        var results = await coordinator.GetAsync($"/api/v1/surveys/kungsholmen/{year}/results");
        using var json = JsonDocument.Parse(await results.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Equal((6, 5), (json.RootElement.GetProperty("invited").GetInt32(), json.RootElement.GetProperty("answered").GetInt32()));
        var seen = json.RootElement.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("code").GetString() == "seenExpressions");
        Assert.Equal((1, 2, 2), (seen.GetProperty("counts").GetProperty("yes").GetInt32(), seen.GetProperty("counts").GetProperty("no").GetInt32(), seen.GetProperty("counts").GetProperty("dontKnow").GetInt32()));
        Assert.Equal((1, 0), (seen.GetProperty("byKind").GetProperty("unit").GetProperty("yes").GetInt32(), seen.GetProperty("byKind").GetProperty("external").GetProperty("yes").GetInt32()));
        var round = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/v1/surveys/kungsholmen/{year}")).RootElement;
        Assert.Equal(5, round.GetProperty("recipients").EnumerateArray().Count(r => r.GetProperty("answered").GetBoolean()));
    }

    private static string Token(string link) => link[(link.LastIndexOf('/') + 1)..];

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private Task<(int Answers, int Counts)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.SurveyAnswers.CountAsync(), await db.SurveyCounts.SumAsync(c => c.Count)));
}

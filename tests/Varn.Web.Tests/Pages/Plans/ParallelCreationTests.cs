using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varn.Core.Audit;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Pages.Plans;

/// <summary>
/// Several people creating the same council's plan for the same year at the same moment: one plan is made, everyone
/// else gets a clear answer on the year (the unique index holds when the checks before saving all pass), never a 500.
/// </summary>
public class ParallelCreationTests
{
    private const int People = 6;

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task NewPlanForm_SubmittedAtOnce_MakesOnePlanAndRefusesTheRestOnTheYear(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);
        var forms = new List<(HttpClient Client, AngleSharp.Html.Dom.IHtmlFormElement Form)>();
        for (var i = 0; i < People; i++)
        {
            var client = await app.SignedInAsync(i % 2 == 0 ? TestAccounts.Central : TestAccounts.KungsholmenCoordinator);
            forms.Add((client, (await client.GetPageAsync("/planer/ny")).Form()));
        }

        var responses = await Task.WhenAll(forms.Select(f => f.Client.SubmitAsync(f.Form, new Dictionary<string, string> { ["Input.Council"] = "kungsholmen", ["Input.Year"] = "2030" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict });
            Assert.Contains("plan för 2030", (await Html.ParseAsync(refused)).QuerySelector("#Input_Year-error")!.TextContent);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Plans.CountAsync(p => p.Council!.Short == "kungsholmen" && p.Year == 2030)));
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task ApiImport_PostedAtOnce_MakesOnePlanAndAnswersTheRest409(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);
        var central = await app.ApiClientAsync(TestAccounts.Central);
        var plan = (await central.GetStringAsync("/api/v1/plans/skarholmen/2019")).Replace("\"year\": 2019", "\"year\": 2033");

        var responses = await Task.WhenAll(Enumerable.Range(0, People).Select(_ => central.PostAsync("/api/v1/plans", new StringContent(plan, Encoding.UTF8, "application/json"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("$.year", out _));
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Plans.CountAsync(p => p.Council!.Short == "skarholmen" && p.Year == 2033)));
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task ApiImport_ReplacingAtOnce_LeavesOnePlanAndAnswersEveryone(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);
        var central = await app.ApiClientAsync(TestAccounts.Central);
        var document = JsonNode.Parse(await central.GetStringAsync("/api/v1/plans/skarholmen/2019"))!;
        document["year"] = 2034;
        document["stage"] = "draft";
        var plan = document.ToJsonString();
        Assert.Equal(HttpStatusCode.Created, (await central.PostAsync("/api/v1/plans", new StringContent(plan, Encoding.UTF8, "application/json"))).StatusCode);

        var responses = await Task.WhenAll(Enumerable.Range(0, People).Select(_ => central.PostAsync("/api/v1/plans?replace=true", new StringContent(plan, Encoding.UTF8, "application/json"))));

        // Each replacement either wins, or meets another one deleting the same plan and is told so; never a 500.
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(1, await app.WithDbAsync(db => db.Plans.CountAsync(p => p.Council!.Short == "skarholmen" && p.Year == 2034)));
        Assert.True((await app.WithDbAsync(db => AuditLog.VerifyAsync(db))).Intact);
    }
}

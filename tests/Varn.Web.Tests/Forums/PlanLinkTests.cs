using System.Net;
using System.Text;
using System.Text.Json;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Forums;

/// <summary>An activity points to a register; the plan page shows the register's live figure beside it, to those who may read the council's picture.</summary>
public class PlanLinkTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task AnActivityLinkedToAForum_ShowsItsMeetingsThisYear_AndAnAreaThatDoesNotFitIsRefused()
    {
        // Next year's plan: the register figure is this year's until the plan's year begins (demo mode has this year's plan).
        var year = app.Clock.Today().Year + 1;
        var thisYear = app.Clock.Today().Year;
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var created = await coordinator.SubmitAsync((await coordinator.GetPageAsync("/planer/ny")).Form(), new Dictionary<string, string> { ["Input.Council"] = "skarholmen", ["Input.Year"] = $"{year}" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var forum = await api.PostAsync("/api/v1/forums", Json(new { council = "skarholmen", name = "Rådet i prov", kind = "tsr", frequency = "4 ggr/år" }));
        var forumId = JsonDocument.Parse(await forum.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        await api.PostAsync($"/api/v1/forums/{forumId}/meetings", Json(new { date = app.Clock.Today().ToString("yyyy-MM-dd"), vbeOnAgenda = true }));
        var form = (await coordinator.GetPageAsync($"/planer/skarholmen/{year}/aktiviteter/ny?omrade=grantsAndPremises")).Form();

        var misplaced = await coordinator.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = "VBE på dagordningen i rådet", ["Input.Register"] = $"forum:{forumId}" });
        var linked = await coordinator.SubmitAsync(form, new Dictionary<string, string> { ["Input.Area"] = "organisation", ["Input.Text"] = "VBE på dagordningen i rådet", ["Input.Register"] = $"forum:{forumId}" });
        var plan = await coordinator.GetPageAsync($"/planer/skarholmen/{year}");
        var employeeView = await (await app.SignedInAsync(TestAccounts.SkarholmenEmployee)).GetPageAsync($"/planer/skarholmen/{year}");

        Assert.Equal(HttpStatusCode.BadRequest, misplaced.StatusCode);
        Assert.Contains("hör inte till området", (await Html.ParseAsync(misplaced)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains($"Rådet i prov: 1 av 4 möten {thisYear}, VBE på dagordningen 1", plan.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Rådet i prov", employeeView.QuerySelector("main")!.TextContent);
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}

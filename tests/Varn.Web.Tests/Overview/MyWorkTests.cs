using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.FollowUp;
using Varn.Core.Surveys;
using Varn.Web.Tests.FollowUp;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Overview;

/// <summary>"My work" (issue 16, C18): what waits for a unit manager, a coordinator and an employee, on the home page and in the API.</summary>
public class MyWorkTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task AUnitManager_SeesTheirActivityInAnOpenRound_AndTheirUnitsSurveyInvitation_AnEmployeeSeesNothingWaiting()
    {
        var plan = await FollowUpTestPlan.CreateAsync(app);
        var coordinator = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"{plan.Api}/followup", new { round = "T1" })).StatusCode);
        var closes = app.Clock.Today().AddDays(20);
        await app.WithServicesAsync(async services =>
        {
            var council = await services.GetRequiredService<VarnDbContext>().Councils.SingleAsync(c => c.Short == "skarholmen");
            var (round, _, errors) = await services.GetRequiredService<SurveyRounds>().InviteAsync(council, plan.Year, closes.ToString("yyyy-MM-dd"), [new("Socialtjänsten", "unit", null)], "http://localhost");
            Assert.True(round is not null, string.Join(" ", errors.Values));
            return 0;
        });

        var work = await WorkAsync(await app.ApiClientAsync(TestAccounts.SkarholmenUnitManager));
        // Only the activity of the unit manager's unit in this plan (the demo's followed-up plan has others of theirs).
        var activity = Assert.Single(work, w => w.GetProperty("kind").GetString() == "activity" && w.GetProperty("url").GetString()!.StartsWith(plan.Page + "/", StringComparison.Ordinal));
        Assert.Equal($"{plan.Page}/uppfoljning/T1#aktivitet-{plan.Ids[0]}", activity.GetProperty("url").GetString());
        Assert.Contains(FollowUpTestPlan.Texts[0], activity.GetProperty("title").GetString());
        Assert.Equal(RoundKind.T1.DefaultDue(plan.Year).ToString("yyyy-MM-dd"), activity.GetProperty("due").GetString());
        var survey = Assert.Single(work, w => w.GetProperty("kind").GetString() == "survey" && w.GetProperty("title").GetString()!.Contains($"{plan.Year}"));
        Assert.Equal(closes.ToString("yyyy-MM-dd"), survey.GetProperty("due").GetString());

        var home = await (await app.SignedInAsync(TestAccounts.SkarholmenUnitManager)).GetPageAsync("/");
        Assert.Contains(FollowUpTestPlan.Texts[0], home.QuerySelector("main table")!.TextContent);

        var coordinatorWork = await WorkAsync(coordinator);
        Assert.Contains(coordinatorWork, w => w.GetProperty("kind").GetString() == "round" && w.GetProperty("url").GetString() == $"{plan.Page}/uppfoljning/T1");
        Assert.DoesNotContain(coordinatorWork, w => w.GetProperty("kind").GetString() == "activity");

        Assert.Empty(await WorkAsync(await app.ApiClientAsync(TestAccounts.SkarholmenEmployee)));
        var employeeHome = await (await app.SignedInAsync(TestAccounts.SkarholmenEmployee)).GetPageAsync("/");
        Assert.Contains("Inget väntar på dig just nu", employeeHome.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ACoordinator_SeesTheReportsWaiting_ForTheirCouncilOnly()
    {
        var waiting = await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Council!.Short == "skarholmen" && r.Assessment == null && r.ClosedAt == null));
        var work = await WorkAsync(await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator));
        var reports = work.Where(w => w.GetProperty("kind").GetString() == "reports").ToList();
        if (waiting == 0)
        {
            Assert.Empty(reports);
        }
        else
        {
            Assert.StartsWith($"{waiting} rapport", Assert.Single(reports).GetProperty("title").GetString());
        }
    }

    private static async Task<List<JsonElement>> WorkAsync(HttpClient api)
    {
        var response = await api.GetAsync("/api/v1/me/work");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

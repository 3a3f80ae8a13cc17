using System.Net;
using System.Text;
using System.Text.Json;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Grants;

/// <summary>The register of grants and premises through the API and the pages: the democracy check, decisions, reclaims, the CSV.</summary>
public class GrantRegisterTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task ApprovingWithACriterionUnconfirmed_IsRefusedWithThatCriterionNamed_AndNothingIsDecided()
    {
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var id = await CreateAsync(api, Criteria(except: "genderEquality"));

        var refused = await api.PostAsync($"/api/v1/grants/{id}/decision", Json(new { decision = "approved", note = "Uppfyller kraven." }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["criteria.genderEquality"], errors.EnumerateObject().Select(e => e.Name));
        var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/grants/{id}")).RootElement;
        Assert.Equal("pending", stored.GetProperty("decision").GetString());

        var rejected = await api.PostAsync($"/api/v1/grants/{id}/decision", Json(new { decision = "rejected" }));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
    }

    [Fact]
    public async Task ADecisionWithAFieldOfTheWrongType_IsRefusedWhole_TheApplicationStaysUndecided()
    {
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var id = await CreateAsync(api, Criteria());

        var refused = await api.PostAsync($"/api/v1/grants/{id}/decision", Json(new { decision = "approved", note = 42 }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal("pending", JsonDocument.Parse(await api.GetStringAsync($"/api/v1/grants/{id}")).RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task ThroughTheForm_ApprovingWithoutEveryCriterion_GetsAFieldError_ConfirmingThemAllThenApproves()
    {
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var form = (await coordinator.GetPageAsync("/bidrag/ny?council=skarholmen")).Forms.Single(f => f.Elements["Input.OrganisationNumber"] is not null);
        var created = await coordinator.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Kind"] = "grant", ["Input.AssociationName"] = "Föreningen Prov", ["Input.OrganisationNumber"] = "802414-0009", ["Input.Amount"] = "12 000",
            ["Input.Checklist.Confirmed[humanRights]"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await coordinator.GetPageAsync(created.Location());

        var decided = await coordinator.SubmitAsync(page.Forms.Single(f => f.Action.Contains("handler=Decide")), new Dictionary<string, string> { ["Input.Decision"] = "approved" });
        var refusal = await Html.ParseAsync(decided);

        Assert.Equal(HttpStatusCode.BadRequest, decided.StatusCode);
        Assert.Equal(5, refusal.QuerySelectorAll(".error-summary li").Length);
        Assert.NotNull(refusal.QuerySelector("a[href='#Input_Checklist_Confirmed_genderEquality_']"));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)refusal.QuerySelector("#Input_Checklist_Confirmed_humanRights_")!).IsChecked);

        var checkedAll = await coordinator.SubmitAsync(refusal.Forms.Single(f => f.Action.Contains("handler=Check")), new Dictionary<string, string>
        {
            ["Input.Checklist.Confirmed[democraticPrinciples]"] = "true", ["Input.Checklist.Confirmed[genderEquality]"] = "true", ["Input.Checklist.Confirmed[diversity]"] = "true",
            ["Input.Checklist.Confirmed[distancesFromViolence]"] = "true", ["Input.Checklist.Confirmed[unaffiliated]"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, checkedAll.StatusCode);
        var approved = await coordinator.SubmitAsync((await coordinator.GetPageAsync(created.Location())).Forms.Single(f => f.Action.Contains("handler=Decide")), new Dictionary<string, string> { ["Input.Decision"] = "approved" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("Beviljad", (await coordinator.GetPageAsync(created.Location())).QuerySelector(".summary-list")!.TextContent);
    }

    [Fact]
    public async Task AReclaim_IsRecordedInTheRegisterItsCsvAndTheAuditLog_WithoutItsText()
    {
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var id = await CreateAsync(api, Criteria());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/grants/{id}/decision", Json(new { decision = "approved" }))).StatusCode);
        var reason = "Föreningen spred våldsbejakande budskap vid en aktivitet som bidraget betalade.";

        var tooMuch = await api.PostAsync($"/api/v1/grants/{id}/reclaim", Json(new { reason, amount = 30_000, date = "2026-10-01" }));
        var reclaimed = await api.PostAsync($"/api/v1/grants/{id}/reclaim", Json(new { reason, amount = 20_000, date = "2026-10-01" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reclaimed.StatusCode);
        var listed = JsonDocument.Parse(await api.GetStringAsync("/api/v1/grants?council=skarholmen")).RootElement.EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == id);
        Assert.Equal(("claimed", 20_000), (listed.GetProperty("reclaim").GetProperty("status").GetString(), listed.GetProperty("reclaim").GetProperty("amount").GetInt32()));
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var csv = await coordinator.GetStringAsync("/bidrag?council=skarholmen&handler=Csv");
        Assert.Contains($"{id};", csv);
        Assert.Contains(";20000;2026-10-01;Krävs tillbaka;", csv);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == "GrantApplication" && a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == "grant.reclaimed");
        Assert.DoesNotContain(audit, a => (a.Summary ?? "").Contains("våldsbejakande budskap", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000101-2384", "personnummer")]
    [InlineData("802000-0008", "kontrollsiffran")]
    public async Task AnOrganisationNumberThatIsAPersonalIdentityNumberOrWrong_IsRefused_NothingStored(string number, string reason)
    {
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var before = await app.WithDbAsync(db => db.Associations.CountAsync());

        var refused = await api.PostAsync("/api/v1/grants", Json(new { council = "skarholmen", year = 2026, kind = "grant", association = new { name = "Föreningen Prov", organisationNumber = number }, amount = 5000, criteria = new { } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(reason, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("association.organisationNumber")[0].GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Associations.CountAsync()));
    }

    [Fact]
    public async Task AnotherCouncilsCoordinator_CannotReadOrChangeTheRegister()
    {
        var kungsholmen = await app.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        var id = await CreateAsync(await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator), Criteria());

        Assert.Equal(HttpStatusCode.NotFound, (await kungsholmen.GetAsync($"/api/v1/grants/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kungsholmen.PostAsync($"/api/v1/grants/{id}/decision", Json(new { decision = "approved" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kungsholmen.GetAsync("/api/v1/grants?council=skarholmen")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kungsholmen.PostAsync("/api/v1/grants", Json(new { council = "skarholmen", year = 2026, kind = "premises", association = new { name = "X", organisationNumber = "802000-0009" } }))).StatusCode);
    }

    private static Dictionary<string, bool> Criteria(string? except = null) =>
        new[] { "democraticPrinciples", "humanRights", "genderEquality", "diversity", "distancesFromViolence", "unaffiliated" }.ToDictionary(c => c, c => c != except);

    private static async Task<int> CreateAsync(HttpClient api, Dictionary<string, bool> criteria)
    {
        var response = await api.PostAsync("/api/v1/grants", Json(new { council = "skarholmen", year = 2026, kind = "grant", association = new { name = "Föreningen Prov", organisationNumber = "802000-0009" }, amount = 25000, criteria }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}

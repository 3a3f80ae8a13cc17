using System.Net;
using System.Text;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Accounts;

/// <summary>Another council's draft is not found, through the UI and the API; a reader reads but does not change.</summary>
public abstract class ScopingTests(DatabaseProvider database) : DataTests(database)
{

    protected override async Task ArrangeAsync()
    {
        foreach (var (council, coordinator) in new[] { ("kungsholmen", TestAccounts.KungsholmenCoordinator), ("skarholmen", TestAccounts.SkarholmenCoordinator) })
        {
            var client = await App.SignedInAsync(coordinator);
            var page = await client.GetPageAsync("/planer/ny");
            var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Council"] = council, ["Input.Year"] = "2027" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task SkarholmenCoordinator_CannotReadOrChangeKungsholmensDraft_InTheUi()
    {
        var skarholmen = await App.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await skarholmen.GetAsync("/planer/kungsholmen/2027")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await skarholmen.GetAsync("/planer/kungsholmen/2027/avsnitt/introduction")).StatusCode);
        var list = await skarholmen.GetPageAsync("/planer");
        Assert.DoesNotContain("/planer/kungsholmen/2027", list.Body!.InnerHtml);

        var token = (await skarholmen.GetPageAsync("/konto")).AntiforgeryToken();
        var post = await skarholmen.PostAsync("/planer/kungsholmen/2027/avsnitt/introduction", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Text"] = "Skärholmen skriver i Kungsholmens plan",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Skärholmen skriver", await App.WithDbAsync(db => db.PlanSections.Where(s => s.Plan!.Council!.Short == "kungsholmen").Select(s => s.Text).FirstAsync()));
    }

    [Fact]
    public async Task SkarholmenCoordinator_CannotReadOrImportKungsholmensPlan_ThroughTheApi()
    {
        var api = await App.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var central = await App.ApiClientAsync(TestAccounts.Central);
        var kungsholmens = await central.GetStringAsync("/api/v1/plans/kungsholmen/2027");

        var read = await api.GetAsync("/api/v1/plans/kungsholmen/2027");
        var list = await api.GetStringAsync("/api/v1/plans");
        var import = await api.PostAsync("/api/v1/plans?replace=true", new StringContent(kungsholmens, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("kungsholmen", list);
        Assert.Contains("skarholmen", list);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Contains("bara läsa in planer för nämnder där du är samordnare", await import.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SkarholmenCoordinator_EditsHerOwnDraft()
    {
        var skarholmen = await App.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var page = await skarholmen.GetPageAsync("/planer/skarholmen/2027/avsnitt/introduction");

        var response = await skarholmen.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Text"] = "Skärholmens inledning 2027." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Skärholmens inledning 2027.", await App.WithDbAsync(db => db.PlanSections
            .Where(s => s.Plan!.Council!.Short == "skarholmen" && s.Plan.Year == 2027 && s.Key == Core.Plans.SectionKey.Introduction).Select(s => s.Text).SingleAsync()));
    }

    [Fact]
    public async Task Reader_ReadsTheDraftButCannotChangeIt()
    {
        var reader = await App.SignedInAsync(TestAccounts.SkarholmenReader);

        var plan = await reader.GetPageAsync("/planer/skarholmen/2027");
        var edit = await reader.GetAsync("/planer/skarholmen/2027/avsnitt/introduction");
        var token = plan.AntiforgeryToken();
        var post = await reader.PostAsync("/planer/skarholmen/2027/avsnitt/introduction", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Text"] = "Läsaren skriver",
        }));

        Assert.Empty(plan.QuerySelectorAll("a[href$='/avsnitt/introduction'], a[href$='/steg']"));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task PublicPage_ShowsApprovedPlansOnly_WithoutSigningIn()
    {
        var anonymous = App.Browser();

        var page = await anonymous.GetPageAsync("/offentligt");
        var links = page.QuerySelectorAll("main li a").Select(a => a.GetAttribute("href")).ToList();
        var approved = await anonymous.GetPageAsync("/offentligt/skarholmen/2019");
        var superseded = await anonymous.GetAsync("/offentligt/skarholmen/2017");
        var draft = await anonymous.GetAsync("/offentligt/skarholmen/2027");

        // The approved seed plans and the demo's followed-up revision of this year, newest first per council.
        Assert.Equal(["/offentligt/hasselby-vallingby/2017", $"/offentligt/skarholmen/{App.Clock.Today().Year}", "/offentligt/skarholmen/2019"], links);
        Assert.Contains("Förebyggande aktiviteter", approved.QuerySelector("main")!.TextContent);
        Assert.Empty(approved.QuerySelectorAll("main form, main a[href*='/aktiviteter/']"));
        Assert.Equal(HttpStatusCode.NotFound, superseded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutOrWithARevokedToken_Is401()
    {
        var none = await App.CreateClient().GetAsync("/api/v1/plans");
        var forged = App.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "varn_not-a-real-token");
        var api = await App.ApiClientAsync(TestAccounts.Central);
        var before = await api.GetAsync("/api/v1/plans");
        await App.WithDbAsync(db => db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow)));
        var after = await api.GetAsync("/api/v1/plans");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Api_TokenCarriesItsPersonsGrants_IsNotedAsUsed_AndStopsWhenThePersonIsLockedOut()
    {
        var api = await App.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        var own = await api.GetAsync("/api/v1/plans/kungsholmen/2027");
        var other = await api.GetAsync("/api/v1/plans/skarholmen/2027");
        var used = await App.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.Email == TestAccounts.KungsholmenCoordinator).Select(t => t.LastUsedAt).SingleAsync());
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == TestAccounts.KungsholmenCoordinator)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1))));
        var locked = await api.GetAsync("/api/v1/plans/kungsholmen/2027");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.NotNull(used);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
    }

    [Fact]
    public async Task Api_SessionCookieAlone_IsNotEnough()
    {
        var browser = await App.SignedInAsync(TestAccounts.Central);

        var response = await browser.GetAsync("/api/v1/plans");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class ScopingOnSqliteTests() : ScopingTests(DatabaseProvider.Sqlite);

public sealed class ScopingOnPostgresTests() : ScopingTests(DatabaseProvider.Postgres);

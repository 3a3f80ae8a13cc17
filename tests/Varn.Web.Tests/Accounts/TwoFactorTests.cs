using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Accounts;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Accounts;

/// <summary>Two-factor with an authenticator app: required for administrators and coordinators with a password, optional for others.</summary>
public class TwoFactorTests
{
    private const string Coordinator = "ny.samordnare@stad.example";
    private const string SetUp = "/konto/tvastegsverifiering";

    private static async Task<HttpClient> PasswordOnlyAsync(VarnFactory app, string email)
    {
        var client = app.Browser();
        var response = await client.SignInAsync(email, DemoAccounts.Password);
        Assert.Equal("/", response.Location());
        return client;
    }

    [Fact]
    public async Task ACoordinatorWithAPassword_ReachesNothingButTheSetUp_UntilItIsDone()
    {
        using var app = new VarnFactory();
        await app.CreateAccountAsync(Coordinator, Role.LocalCoordinator, "skarholmen");
        var client = await PasswordOnlyAsync(app, Coordinator);
        string[] open = ["/logga-ut", "/fel", "/sprak", SetUp];

        var leaks = new List<string>();
        foreach (var route in await MappedRoutes.ListAsync(app))
        {
            var space = route.IndexOf(' ', StringComparison.Ordinal);
            var path = Regex.Replace(route[(space + 1)..], "{[^}]+}", "1");
            if (open.Any(o => path.StartsWith(o, StringComparison.Ordinal)))
            {
                continue;
            }
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route[..space]), path));
            var gated = path.StartsWith("/api/", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Forbidden && (await response.Content.ReadAsStringAsync()).Contains("Tvåstegsverifiering krävs")
                : response.StatusCode == HttpStatusCode.Redirect && response.Location().StartsWith(SetUp + "?returnUrl=", StringComparison.Ordinal);
            if (!gated)
            {
                leaks.Add($"{route}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(leaks.Count == 0, "Reached without two-factor:\n" + string.Join("\n", leaks));

        var wrong = await client.SubmitAsync((await client.GetPageAsync(SetUp)).Form(), new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Koden stämmer inte", (await Html.ParseAsync(wrong)).QuerySelector("#Code-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/rapporter")).StatusCode);

        var codes = await client.SetUpTwoFactorAsync(app);

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rapporter")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.twofactor.enabled")));
    }

    [Fact]
    public async Task TheNextSignIn_AsksForTheCode_RefusesAWrongOne_AndTakesEachRecoveryCodeOnce()
    {
        using var app = new VarnFactory();
        await app.CreateAccountAsync(Coordinator, Role.LocalCoordinator, "skarholmen");
        var codes = await (await PasswordOnlyAsync(app, Coordinator)).SetUpTwoFactorAsync(app);

        var client = app.Browser();
        var first = await client.SignInAsync(Coordinator, DemoAccounts.Password);
        Assert.Equal("/logga-in/tvastegs?returnUrl=%2F", first.Location());
        Assert.EndsWith("/logga-in?returnUrl=%2Frapporter", (await client.GetAsync("/rapporter")).Location());
        var step = await client.GetPageAsync(first.Location());
        var wrong = await client.SubmitAsync(step.Form(), new Dictionary<string, string> { ["Code"] = "123 456" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Koden stämmer inte", (await Html.ParseAsync(wrong)).QuerySelector("#Code-error")!.TextContent);

        var recovered = await client.SubmitAsync(step.Form("form[action*=Recovery]"), new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Equal("/", recovered.Location());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rapporter")).StatusCode);

        var again = app.Browser();
        var page = await again.GetPageAsync((await again.SignInAsync(Coordinator, DemoAccounts.Password)).Location());
        var reused = await again.SubmitAsync(page.Form("form[action*=Recovery]"), new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("redan använd", (await Html.ParseAsync(reused)).QuerySelector("#RecoveryCode-error")!.TextContent);
        var withApp = await again.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Code"] = await app.CodeForAsync(Coordinator) });
        Assert.Equal("/", withApp.Location());

        var methods = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "signin.succeeded").Select(a => a.Summary).ToListAsync());
        Assert.Contains("metod: lösenord och återställningskod", methods);
        Assert.Contains("metod: lösenord och app", methods);
        Assert.Contains("metod: lösenord", methods);
    }

    /// <summary>RFC 6238, section 5.2: a code seen over someone's shoulder signs in no one else, not even while it is valid.</summary>
    [Fact]
    public async Task ACodeFromTheApp_SignsInOnce_AndTheNextCodeWorks()
    {
        using var app = new VarnFactory();
        await app.CreateAccountAsync(Coordinator, Role.LocalCoordinator, "skarholmen");
        await (await PasswordOnlyAsync(app, Coordinator)).SetUpTwoFactorAsync(app);
        var code = await app.CodeForAsync(Coordinator);
        var (owner, ownersStep) = await app.AtTheSecondStepAsync(Coordinator);
        var (onlooker, onlookersStep) = await app.AtTheSecondStepAsync(Coordinator);

        var signedIn = await owner.SubmitAsync(ownersStep.Form(), new Dictionary<string, string> { ["Code"] = code });
        var replayed = await onlooker.SubmitAsync(onlookersStep.Form(), new Dictionary<string, string> { ["Code"] = code });

        Assert.Equal("/", signedIn.Location());
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("redan använd", (await Html.ParseAsync(replayed)).QuerySelector("#Code-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await onlooker.GetAsync("/rapporter")).StatusCode);
        var next = await onlooker.SubmitAsync(onlookersStep.Form(), new Dictionary<string, string> { ["Code"] = await app.CodeForAsync(Coordinator) });
        Assert.Equal("/", next.Location());
    }

    [Fact]
    public async Task TheAdministratorsReset_IsAudited_AndTheNextSignInSetsTheAppUpAgain()
    {
        using var app = new VarnFactory();
        await app.CreateAccountAsync(Coordinator, Role.LocalCoordinator, "skarholmen");
        await (await PasswordOnlyAsync(app, Coordinator)).SetUpTwoFactorAsync(app);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Coordinator).Select(u => u.Id).SingleAsync());

        var admin = await app.SignedInAsync(TestAccounts.Admin);
        var edit = await admin.GetPageAsync($"/admin/konton/{userId}");
        var reset = await admin.SubmitAsync(edit.Form("form[action*=ResetTwoFactor]"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "account.twofactor.reset").ToListAsync());
        Assert.Equal(userId, Assert.Single(audit).EntityId);
        var client = app.Browser();
        Assert.Equal("/", (await client.SignInAsync(Coordinator, DemoAccounts.Password)).Location());
        Assert.StartsWith(SetUp, (await client.GetAsync("/")).Location());
    }

    [Fact]
    public async Task AnEmployee_IsNotAsked_ButMayTurnItOnAndOff()
    {
        using var app = new VarnFactory();
        var client = await PasswordOnlyAsync(app, TestAccounts.SkarholmenEmployee);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rapportera")).StatusCode);

        await client.SetUpTwoFactorAsync(app);
        var page = await client.GetPageAsync(SetUp);
        var off = await client.SubmitAsync(page.Form("form[action*=Disable]"));

        Assert.Equal(SetUp, off.Location());
        Assert.Equal("/", (await app.Browser().SignInAsync(TestAccounts.SkarholmenEmployee, DemoAccounts.Password)).Location());
    }

    [Fact]
    public async Task TheQrCode_IsDrawnHere_AndTheKeyInTextIsTheStoredOne()
    {
        using var app = new VarnFactory();
        await app.CreateAccountAsync(Coordinator, Role.LocalCoordinator, "skarholmen");
        var client = await PasswordOnlyAsync(app, Coordinator);

        var page = await client.GetPageAsync(SetUp);

        var image = page.QuerySelector("img.qr-code")!;
        Assert.StartsWith("data:image/svg+xml;base64,", image.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(image.GetAttribute("src")!["data:image/svg+xml;base64,".Length..]));
        Assert.Contains("<svg", svg);
        var key = page.QuerySelector(".authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(key, await app.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<VarnUser>>();
            return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(Coordinator))!);
        }));
    }
}

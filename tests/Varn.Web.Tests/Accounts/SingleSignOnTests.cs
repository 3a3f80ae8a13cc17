using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;
using Varn.Core.Accounts;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Accounts;

/// <summary>Sign-in through a real OpenID Connect provider running on this machine (oidc-provider under Node.js).</summary>
public class SingleSignOnTests(OidcProvider provider) : IClassFixture<OidcProvider>
{
    // In-process hosts answer at http://localhost: that is the redirect address the provider knows.
    private const string Host = "http://localhost";

    private async Task<VarnFactory> AppAsync(DatabaseProvider database = DatabaseProvider.Sqlite, bool passwordSignIn = true)
    {
        var (id, secret) = await provider.RegisterClientAsync(Host);
        return await VarnFactory.OnAsync(database, settings: provider.Settings(id, secret, passwordSignIn));
    }

    /// <summary>The whole round: Värn's button, the provider's sign-in, the callback, the account. Returns the final response.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string login, Func<Uri, Uri>? tamper = null)
    {
        var page = await client.GetPageAsync("/logga-in");
        var challenge = await client.SubmitAsync(page.Form("form.sign-in-provider"));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        using var person = OidcProvider.Person();
        var back = await OidcProvider.SignInAtProviderAsync(person, tamper?.Invoke(authorize) ?? authorize, login);
        Assert.Equal(Host, back.GetLeftPart(UriPartial.Authority));
        var response = await client.GetAsync(back.PathAndQuery);
        while (response.StatusCode == HttpStatusCode.Redirect && response.Location().StartsWith("/logga-in/extern", StringComparison.Ordinal))
        {
            response = await client.GetAsync(response.Location());
        }
        return response;
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task FirstSignIn_ByCodeFlowWithPkce_MakesAnAccountLinkedToTheSubject_WithNoRole(DatabaseProvider database)
    {
        using var app = await AppAsync(database);
        var client = app.Browser();
        var page = await client.GetPageAsync("/logga-in");
        Assert.Equal("Logga in med Stockholms stad", page.QuerySelector("form.sign-in-provider button")!.TextContent.Trim());

        // The request itself (code flow, PKCE challenge, state, nonce) is pushed to the provider first (PAR), and the
        // provider refuses any code request without a PKCE challenge: the sign-in below goes through only with PKCE.
        var challenge = await client.SubmitAsync(page.Form("form.sign-in-provider"));
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        Assert.StartsWith(provider.Issuer + "/auth", challenge.Headers.Location!.ToString());
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"].ToString());

        var fresh = app.Browser();
        var done = await SignInAsync(fresh, "nadia.nyberg@stad.example");
        Assert.Equal("/", done.Location());
        var konto = await fresh.GetPageAsync("/konto");
        Assert.Contains("Du har ingen roll ännu", konto.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await fresh.GetAsync("/planer/skarholmen/2030")).StatusCode);

        var account = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "nadia.nyberg@stad.example");
            var login = await db.UserLogins.SingleAsync(l => l.UserId == user.Id);
            return (user, login, roles: await db.RoleAssignments.CountAsync(r => r.UserId == user.Id));
        });
        Assert.Equal("Nadia Nyberg", account.user.DisplayName);
        Assert.Null(account.user.PasswordHash);
        Assert.Equal("oidc", account.login.LoginProvider);
        Assert.DoesNotContain("nadia", account.login.ProviderKey, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, account.roles);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "signin.succeeded" && a.EntityId == account.user.Id).Select(a => a.Summary).ToListAsync());
        Assert.Equal(["metod: oidc; nytt konto utan roll"], audit);
    }

    [Fact]
    public async Task GrantedRole_Holds_AtTheNextSignIn_ByTheSameSubject_WithoutAskingForAnApp()
    {
        using var app = await AppAsync();
        await SignInAsync(app.Browser(), "olle.ek@stad.example");
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "olle.ek@stad.example").Select(u => u.Id).SingleAsync());
        var admin = await app.SignedInAsync(TestAccounts.Admin);
        var edit = await admin.GetPageAsync($"/admin/konton/{userId}");
        var granted = await admin.SubmitAsync(edit.Form("form[action*=Grant]"), new Dictionary<string, string> { ["Grant.Role"] = "localCoordinator", ["Grant.Council"] = "skarholmen" });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        var client = app.Browser();
        Assert.Equal("/", (await SignInAsync(client, "olle.ek@stad.example")).Location());

        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "olle.ek@stad.example")));
        var queue = await client.GetAsync("/rapporter");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task PreRegisteredPerson_IsLinkedAtFirstSignIn_WithTheRoleTheAdministratorGave()
    {
        using var app = await AppAsync();
        var admin = await app.SignedInAsync(TestAccounts.Admin);
        var form = await admin.GetPageAsync("/admin/konton/nytt");
        var created = await admin.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Petra Lind", ["Input.Email"] = "petra.lind@stad.example", ["Input.Password"] = "",
            ["Grant.Role"] = "reader", ["Grant.Council"] = "kungsholmen",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var preRegistered = created.Location()["/admin/konton/".Length..];

        var client = app.Browser();
        Assert.Equal("/", (await SignInAsync(client, "petra.lind@stad.example")).Location());

        var linked = await app.WithDbAsync(db => db.UserLogins.Where(l => l.LoginProvider == "oidc").Select(l => l.UserId).ToListAsync());
        Assert.Contains(preRegistered, linked);
        Assert.Contains("Förtroendevald / läsare", (await client.GetPageAsync("/konto")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AnAccountWithAPassword_IsNotTakenOver_ByAnEmailAddressAtTheProvider()
    {
        using var app = await AppAsync();

        var response = await SignInAsync(app.Browser(), TestAccounts.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("kan inte kopplas till din inloggning automatiskt", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.UserLogins.AnyAsync()));
    }

    [Fact]
    public async Task ProviderDown_GivesASwedishMessage_AndPasswordSignInStillWorks()
    {
        var settings = provider.Settings("varn", "hemligt");
        settings["Varn:Oidc:Authority"] = $"http://127.0.0.1:{SmtpServer.FreePort()}";
        using var app = new VarnFactory(settings: settings);
        var client = app.Browser();

        var page = await client.GetPageAsync("/logga-in");
        var response = await client.SubmitAsync(page.Form("form.sign-in-provider"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Stockholms stad svarar inte just nu", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent);
        var reader = await app.SignedInAsync(TestAccounts.SkarholmenReader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/konto")).StatusCode);
    }

    [Fact]
    public async Task ACodeIssuedToAnotherClient_IsRefused()
    {
        using var app = await AppAsync();
        var (other, _) = await provider.RegisterClientAsync(Host);
        var client = app.Browser();

        // Värn's own request (its state, nonce and PKCE challenge), sent to the provider as another client's.
        var response = await SignInAsync(client, "mallory.mask@stad.example", authorize =>
        {
            var query = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
            query["client_id"] = other;
            return new Uri(QueryHelpers.AddQueryString(authorize.GetLeftPart(UriPartial.Path), query));
        });

        Assert.Equal("/logga-in?fel=oidc", response.Location());
        var page = await client.GetPageAsync(response.Location());
        Assert.Contains("Inloggningen med Stockholms stad gick inte igenom", page.QuerySelector(".error-summary")!.TextContent);
        Assert.EndsWith("/logga-in?returnUrl=%2Fkonto", (await client.GetAsync("/konto")).Location());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "mallory.mask@stad.example")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "signin.failed" && a.Summary!.StartsWith("metod: oidc"))));
    }

    [Fact]
    public async Task SignOut_EndsTheSessionHere_AndAtTheProvider()
    {
        using var app = await AppAsync();
        var client = app.Browser();
        await SignInAsync(client, "sara.berg@stad.example");

        var konto = await client.GetPageAsync("/konto");
        var signedOut = await client.SubmitAsync(konto.Form("form[action='/logga-ut']"));

        var location = signedOut.Headers.Location!;
        Assert.StartsWith(provider.Issuer + "/session/end", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.False(string.IsNullOrEmpty(query["id_token_hint"]));
        Assert.Equal($"{Host}/signout-callback-oidc", query["post_logout_redirect_uri"]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/konto")).StatusCode);
    }

    [Fact]
    public async Task WithPasswordsOff_OnlyTheProviderSignsIn()
    {
        using var app = await AppAsync(passwordSignIn: false);
        var client = app.Browser();
        var page = await client.GetPageAsync("/logga-in");
        Assert.Null(page.QuerySelector("#password-sign-in"));

        var response = await client.PostAsync("/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken(), ["Input.Email"] = TestAccounts.SkarholmenReader, ["Input.Password"] = DemoAccounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Inloggning med lösenord är avstängd", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent);
    }

    [Theory]
    [InlineData("http://idp.stad.example/", "https")]
    [InlineData("inte en adress", "ingen giltig adress")]
    public void AnAuthorityThatIsNotHttps_StopsTheStart_WithTheReason(string authority, string reason)
    {
        using var app = new VarnFactory(settings: new Dictionary<string, string> { ["Varn:Oidc:Authority"] = authority, ["Varn:Oidc:ClientId"] = "varn" });

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains(reason, failure.ToString());
    }
}

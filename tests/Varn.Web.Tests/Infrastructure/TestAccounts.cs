using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Accounts;
using Varn.Core.Audit;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>Signing in through the real sign-in form, and API clients holding real tokens.</summary>
public static class TestAccounts
{
    public const string Central = "central@varn.example";
    public const string Admin = "admin@varn.example";
    public const string SkarholmenCoordinator = "samordnare.skarholmen@varn.example";
    public const string KungsholmenCoordinator = "samordnare.kungsholmen@varn.example";
    public const string SkarholmenUnitManager = "enhetschef.skarholmen@varn.example";
    public const string SkarholmenEmployee = "medarbetare.skarholmen@varn.example";
    public const string SkarholmenReader = "lasare.skarholmen@varn.example";
    public const string SkarholmenPolice = "polis.skarholmen@varn.example";

    /// <summary>
    /// A browser-like client (cookies, no automatic redirects) signed in with the demo password, and with the second
    /// factor where the account has one or its role requires one: the code from the app, or the app set up first.
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(this VarnFactory app, string email, string password = DemoAccounts.Password)
    {
        var client = app.Browser();
        var response = await client.SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} failed with {response.StatusCode}.");
        if (response.Location().StartsWith("/logga-in/tvastegs", StringComparison.Ordinal))
        {
            var step = await client.GetPageAsync(response.Location());
            response = await client.SubmitAsync(step.Form(), new Dictionary<string, string> { ["Code"] = await app.CodeForAsync(email) });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The second step for {email} failed with {response.StatusCode}.");
        }
        else if ((await client.GetAsync("/")).Headers.Location?.OriginalString is { } gate && gate.StartsWith("/konto/tvastegsverifiering", StringComparison.Ordinal))
        {
            await client.SetUpTwoFactorAsync(app);
        }
        return client;
    }

    /// <summary>A browser of its own, signed in with the account's password and at the second step (the app's code).</summary>
    public static async Task<(HttpClient Client, AngleSharp.Html.Dom.IHtmlDocument Step)> AtTheSecondStepAsync(this VarnFactory app, string email)
    {
        var client = app.Browser();
        var response = await client.SignInAsync(email, DemoAccounts.Password);
        Assert.StartsWith("/logga-in/tvastegs", response.Location(), StringComparison.Ordinal);
        return (client, await client.GetPageAsync(response.Location()));
    }

    /// <summary>Sets up the authenticator app on the set-up page, typing the key the page shows; returns the recovery codes.</summary>
    public static async Task<IReadOnlyList<string>> SetUpTwoFactorAsync(this HttpClient client, VarnFactory app)
    {
        var setUp = await client.GetPageAsync("/konto/tvastegsverifiering");
        var key = setUp.QuerySelector(".authenticator-key")?.TextContent ?? throw new InvalidOperationException("The set-up page shows no key.");
        var response = await client.SubmitAsync(setUp.Form("main form[method=post]"), new Dictionary<string, string> { ["Code"] = app.CodeOf(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await Html.ParseAsync(response);
        var codes = done.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        return codes;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/logga-in");
        return await client.SubmitAsync(page.Form("#password-sign-in"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>An API client with a fresh personal token of the account.</summary>
    public static async Task<HttpClient> ApiClientAsync(this VarnFactory app, string email)
    {
        var secret = await app.WithServicesAsync(async services =>
        {
            var user = (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<VarnUser>>().FindByEmailAsync(email))!;
            var (_, issued, _) = await services.GetRequiredService<AccountService>().IssueTokenAsync(user.Id, "tester");
            return issued!;
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Creates an account with one role (for databases without the demo accounts).</summary>
    public static Task CreateAccountAsync(this VarnFactory app, string email, Role role, string? council = null, int? unitId = null) =>
        app.WithServicesAsync(async services =>
        {
            services.GetRequiredService<CurrentActor>().Set("test", null);
            var accounts = services.GetRequiredService<AccountService>();
            var created = await accounts.CreateAsync(email, email, DemoAccounts.Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
            var granted = await accounts.GrantAsync(created.User!.Id, role, council, unitId);
            Assert.True(granted.Succeeded, string.Join(" ", granted.Errors.Values));
            return 0;
        });
}

using System.Net;
using Varn.Core.Accounts;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Accounts;

public class SignInTests
{
    [Fact]
    public async Task TenWrongPasswords_LockTheAccount_AndTheLogShowsTheFailures()
    {
        using var app = new VarnFactory();
        var client = app.Browser();

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var failed = await client.SignInAsync(TestAccounts.SkarholmenReader, $"fel-lösenord-{attempt}");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }
        var locked = await client.SignInAsync(TestAccounts.SkarholmenReader, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("Kontot är spärrat", (await Html.ParseAsync(locked)).QuerySelector(".error-summary")!.TextContent);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("signin.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(9, actions.Count(a => a == "signin.failed"));
        Assert.Equal(2, actions.Count(a => a == "signin.lockedout"));
    }

    [Fact]
    public async Task UnknownEmailAndWrongPassword_GetTheSameMessage()
    {
        using var app = new VarnFactory();

        var unknown = await Html.ParseAsync(await app.Browser().SignInAsync("ingen@varn.example", "ett-långt-lösenord"));
        var wrong = await Html.ParseAsync(await app.Browser().SignInAsync(TestAccounts.SkarholmenReader, "ett-långt-lösenord"));

        Assert.Equal(unknown.QuerySelector("#Input_Password-error")!.TextContent, wrong.QuerySelector("#Input_Password-error")!.TextContent);
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryToken_IsRefusedWith400()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        var response = await client.PostAsync("/planer/ny", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Council"] = "skarholmen", ["Input.Year"] = "2028" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Plans.AnyAsync(p => p.Year == 2028)));
    }

    [Fact]
    public async Task SignInAttempts_AreRateLimited()
    {
        using var app = new VarnFactory(signInsPerMinute: 3);
        var client = app.Browser();
        var page = await client.GetPageAsync("/logga-in");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Email"] = "x@varn.example", ["Input.Password"] = "fel-lösenord-här" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>
    /// Behind a load balancer every request arrives from the balancer's address over plain HTTP. With the forwarded
    /// headers switched on (README, "Running in production"), the sign-in limit counts each client's own address and
    /// the form-token cookie is marked secure for a client that came over HTTPS. Switched off, the headers are ignored: a client
    /// cannot slip past the limit by naming another address.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ForwardedHeaders_WhenSwitchedOn_TheSignInLimitCountsEachClient_AndCookiesFollowTheClientsScheme(bool forwarded)
    {
        using var app = new VarnFactory(signInsPerMinute: 3, settings: new Dictionary<string, string> { ["FORWARDEDHEADERS_ENABLED"] = forwarded ? "true" : "false" });
        var first = await ThroughTheBalancerAsync(app, "203.0.113.10");
        var second = await ThroughTheBalancerAsync(app, "203.0.113.11");

        // The limit counts every request to the sign-in page, the form's own load included: three per client address.
        var statuses = new List<HttpStatusCode>();
        foreach (var (client, form, _) in new[] { first, first, second, second, first })
        {
            statuses.Add((await client.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Email"] = "x@varn.example", ["Input.Password"] = "fel-lösenord-här" })).StatusCode);
        }

        HttpStatusCode[] expected = forwarded
            ? [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests]
            : [HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests];
        Assert.Equal(expected, statuses);
        var formToken = first.Cookies.Single(cookie => cookie.StartsWith("varn.af=", StringComparison.Ordinal));
        Assert.Equal(forwarded, formToken.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A client whose requests carry the headers a balancer adds, with the sign-in form it loaded and the cookies it was given.</summary>
    private static async Task<(HttpClient Client, AngleSharp.Html.Dom.IHtmlDocument Form, IReadOnlyList<string> Cookies)> ThroughTheBalancerAsync(VarnFactory app, string clientAddress)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var page = await client.GetAsync("/logga-in");
        return (client, await Html.ParseAsync(page), page.Headers.GetValues("Set-Cookie").ToList());
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSite()
    {
        using var app = new VarnFactory();
        var client = app.Browser();

        var response = await client.SignInAsync(TestAccounts.SkarholmenReader, DemoAccounts.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("varn.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_SendTheSecurityHeaders()
    {
        using var app = new VarnFactory();

        var response = await app.Browser().GetAsync("/logga-in");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}

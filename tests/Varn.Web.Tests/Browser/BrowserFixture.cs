using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

/// <summary>
/// Värn on a real Kestrel port and the system's Chromium driven by Playwright (which cannot download its own browser
/// here). test.sh installs Chromium; VARN_TEST_CHROMIUM may point elsewhere.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public VarnFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        var chromium = Environment.GetEnvironmentVariable("VARN_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium is not at {chromium}. Run ./test.sh, which installs it, or set VARN_TEST_CHROMIUM.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "sv-SE" });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A new browser context signed in through the sign-in page, with the code from the app where the account has two-factor,
    /// and the app set up first where its role requires it and it has none yet.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(Varn.Core.Accounts.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await CompleteSecondFactorAsync(page, email);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// After the password: the code from the app where the account has two-factor, or the app set up where the role
    /// requires it (then on to where the person was going); nothing for other accounts.
    /// </summary>
    public async Task CompleteSecondFactorAsync(IPage page, string email)
    {
        // The sign-in form posts to /logga-in and is answered by a redirect elsewhere: wait for that page.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/logga-in");
        if (page.Url.Contains("/logga-in/tvastegs", StringComparison.Ordinal))
        {
            await page.GetByLabel("Kod från appen").FillAsync(await App.CodeForAsync(email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        }
        else if (page.Url.Contains("/konto/tvastegsverifiering", StringComparison.Ordinal))
        {
            await SetUpTwoFactorAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Jag har sparat koderna – fortsätt till Värn" }).ClickAsync();
        }
    }

    /// <summary>On the set-up page: types the key's current code as the app would show it, and turns two-factor on.</summary>
    public async Task SetUpTwoFactorAsync(IPage page)
    {
        var key = await page.Locator(".authenticator-key").TextContentAsync() ?? "";
        await page.GetByLabel("Kod från appen").FillAsync(App.CodeOf(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå på tvåstegsverifiering" }).ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        App.Dispose();
    }
}

public static class Accessibility
{
    /// <summary>Runs axe-core on the page and fails with every violation described when there is any.</summary>
    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 10, $"axe ran only {result.Passes.Length} passing rules on {page.Url}: the scan did not run properly.");
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}:\n{string.Join("\n", violations)}");
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

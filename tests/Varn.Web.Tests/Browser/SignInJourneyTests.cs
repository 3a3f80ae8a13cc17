using Microsoft.Playwright;
using Varn.Core.Accounts;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

[Collection(nameof(BrowserCollection))]
public class SignInJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task APerson_SignsInThroughTheCitysProvider_FirstWithoutRole_AndSignsOutThere()
    {
        using var provider = new OidcProvider();
        var port = SmtpServer.FreePort();
        var address = $"http://localhost:{port}";
        var (id, secret) = await provider.RegisterClientAsync(address);
        using var app = new VarnFactory(settings: provider.Settings(id, secret));
        app.UseKestrel(port);
        app.StartServer();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, Locale = "sv-SE" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/logga-in");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med Stockholms stad" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(provider.Issuer)));
        await page.Locator("input[name=login]").FillAsync("vera.vik@stad.example");
        await page.Locator("input[name=password]").FillAsync("vilket-som-helst");
        await page.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
        await page.GotoAsync("/konto");
        await Assertions.Expect(page.GetByText("Du har ingen roll ännu. Kontakta administratören.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Du loggar in med din organisations konto.")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(provider.Issuer) + "/session/end"));
        await page.Locator("button[name=logout][value=yes]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/konto");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/logga-in\\?returnUrl="));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task ANewCoordinator_SetsUpTheAuthenticatorApp_AndSignsInWithItsCode()
    {
        const string Email = "webb.samordnare@stad.example";
        await browser.App.CreateAccountAsync(Email, Role.LocalCoordinator, "kungsholmen");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/rapporter");
        await page.GetByLabel("E-postadress").FillAsync(Email);
        await page.GetByLabel("Lösenord").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tvåstegsverifiering");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-kod för att lägga till Värn i autentiseringsappen" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Handlingsplaner" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tvåstegsverifiering");
        await page.GetByLabel("Kod från appen").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå på tvåstegsverifiering" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Koden stämmer inte");
        await page.AssertNoViolationsAsync();

        await browser.SetUpTwoFactorAsync(page);
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Jag har sparat koderna – fortsätt till Värn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Handlingsplaner");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.GetByLabel("E-postadress").FillAsync(Email);
        await page.GetByLabel("Lösenord").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tvåstegsverifiering");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Kod från appen").FillAsync(await browser.App.CodeForAsync(Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
    }
}

using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

[Collection(nameof(BrowserCollection))]
public class AccountJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_SignsInEditsAnActivityAndSignsOut()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/planer/hasselby-vallingby/2017");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/logga-in\\?returnUrl="));
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("E-postadress").FillAsync("samordnare.hasselby-vallingby@varn.example");
        await page.GetByLabel("Lösenord").FillAsync("fel lösenord här");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fel e-postadress eller lösenord.");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Lösenord").FillAsync(Varn.Core.Accounts.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await browser.CompleteSecondFactorAsync(page, "samordnare.hasselby-vallingby@varn.example");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hässelby-Vällingby stadsdelsnämnds handlingsplan mot våldsbejakande extremism 2017");
        var hindering = page.GetByRole(AriaRole.Table, new() { Name = "Förhindrande aktiviteter" });
        await hindering.GetByRole(AriaRole.Link, new() { Name = "Följ upp aktivitet 2", Exact = true }).ClickAsync();
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pågående" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Aktiviteten är sparad.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in" })).ToBeVisibleAsync();
        await page.GotoAsync("/planer");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/logga-in"));
    }

    [Fact]
    public async Task Admin_PagesForAccountsAndTheAuditLog_AreAccessible()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.Admin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Konton" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Konton");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Demo Polis Skärholmen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demo Polis Skärholmen");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/admin/konton/nytt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Välj personens roll.");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Granskningslogg" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera kedjan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Granskningsloggen är obruten");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync("/konto");
        await page.GetByLabel("Namn på ny nyckel").FillAsync("Testsystem");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("varn_");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task PublicPage_IsAccessibleWithoutSigningIn()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/offentligt");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skärholmens stadsdelsnämnds handlingsplan mot våldsbejakande extremism 2019" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Förebyggande arbete" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }
}

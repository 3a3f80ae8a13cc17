using Microsoft.Playwright;
using Varn.Core.Grants;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

/// <summary>Through each register as its coordinator: a grant checked, approved and reclaimed; a forum and a meeting; completion figures and a course.</summary>
[Collection(nameof(BrowserCollection))]
public class RegistersJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Grant_IsRegisteredCheckedApprovedAndReclaimed()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.SkarholmenCoordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bidrag", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bidrag och lokaler");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera en ansökan" }).ClickAsync();
        await page.GetByLabel("Föreningens namn").FillAsync("Schackklubben Prov");
        await page.GetByLabel("Organisationsnummer").FillAsync("802013-0004");
        await page.GetByLabel("Sökt belopp i kronor (bidrag)").FillAsync("8 000");
        foreach (var criterion in Enum.GetValues<DemocracyCriterion>())
        {
            await page.GetByLabel(GrantRegister.Label(criterion), new() { Exact = true }).CheckAsync();
        }
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera ansökan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är registrerad");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Beslut", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bevilja" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslutet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Beslutet är registrerat.");
        await page.GetByLabel("Skäl: vad som har konstaterats").FillAsync("Föreningen bjöd in en talare som uppmanade till våld.");
        await page.GetByLabel("Belopp i kronor").FillAsync("8000");
        await page.GetByLabel("Datum (ÅÅÅÅ-MM-DD)").FillAsync(browser.App.Clock.Today().ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera återkravet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Återkravet är registrerat.");
        await Assertions.Expect(page.Locator(".summary-list")).ToContainTextAsync("Krävs tillbaka: 8");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Forum_IsRegistered_AndAMeetingLogged()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.SkarholmenCoordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Forum", Exact = true }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Styrgruppen för trygghet");
        await page.GetByLabel("Slag", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Styrgrupp" });
        await page.GetByLabel("Planerad frekvens").FillAsync("4 ggr/år");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera forumet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Styrgruppen för trygghet");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Datum (ÅÅÅÅ-MM-DD)").FillAsync(browser.App.Clock.Today().ToString("yyyy-MM-dd"));
        await page.GetByLabel("Våldsbejakande extremism var på dagordningen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera mötet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är registrerat");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("100 %");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task CompletionFigures_AreEntered_AndTheCentralCoordinatorAddsACourse()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.SkarholmenUnitManager);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kompetens", Exact = true }).ClickAsync();
        await page.AssertNoViolationsAsync();
        var staff = page.GetByLabel("Anställda, Socialtjänsten, Stadens webbutbildning om våldsbejakande extremism");
        await staff.FillAsync("30");
        await page.GetByLabel("Genomfört, Socialtjänsten, Stadens webbutbildning om våldsbejakande extremism").FillAsync("31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara siffrorna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fler har genomfört kursen");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Genomfört, Socialtjänsten, Stadens webbutbildning om våldsbejakande extremism").FillAsync("27");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara siffrorna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är sparade");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Per enhet, obligatorisk utbildning" })).ToContainTextAsync("90 %");

        var central = await browser.SignedInPageAsync(TestAccounts.Central);
        await central.GotoAsync("/kompetens/kurser");
        await central.GetByLabel("Kursens namn").FillAsync("Fördjupning om islamistisk extremism");
        await central.GetByRole(AriaRole.Button, new() { Name = "Lägg till kursen" }).ClickAsync();
        await Assertions.Expect(central.GetByRole(AriaRole.Status)).ToContainTextAsync("är tillagd");
        await central.AssertNoViolationsAsync();
    }
}

using Microsoft.Playwright;
using Varn.Core.Plans;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

[Collection(nameof(BrowserCollection))]
public class PlanJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_OpensASeedPlanAndFollowsUpAnActivity()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.SkarholmenCoordinator);

        await page.GotoAsync("/planer");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skärholmens stadsdelsnämnds handlingsplan mot våldsbejakande extremism 2019" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Förebyggande arbete" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        var prevention = page.GetByRole(AriaRole.Table, new() { Name = "Förebyggande aktiviteter" });
        await prevention.GetByRole(AriaRole.Link, new() { Name = "Följ upp aktivitet 1", Exact = true }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Genomförd" });
        await page.GetByLabel("Kommentar till status").FillAsync("Handlingsplanen presenterad för alla avdelningar i maj.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Aktiviteten är sparad.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Implementera handlingsplanen och stadens rutiner" });
        await Assertions.Expect(row).ToContainTextAsync("Genomförd");
        await Assertions.Expect(row).ToContainTextAsync("Handlingsplanen presenterad för alla avdelningar i maj.");
    }

    [Fact]
    public async Task Coordinator_CreatesADraftAndEditsAnActivity()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.SkarholmenCoordinator);
        // A year no other journey and no demo plan uses.
        var year = browser.App.Clock.Today().Year + 4;

        await page.GotoAsync("/planer/ny");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Nämnd").SelectOptionAsync(new SelectOptionValue { Label = "Skärholmens stadsdelsnämnd" });
        await page.GetByLabel("År").FillAsync($"{year}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Skärholmens stadsdelsnämnds handlingsplan mot våldsbejakande extremism {year}");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg till aktivitet – Förebyggande aktiviteter" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Beskriv aktiviteten.");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Aktivitet", new() { Exact = true }).FillAsync("Informera medarbetare om symboler");
        await page.GetByLabel("Tidplan").FillAsync($"VT {year}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra aktivitet 1", Exact = true }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Ansvarig", new() { Exact = true }).FillAsync("Enhetschefer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Informera medarbetare om symboler" });
        await Assertions.Expect(row).ToContainTextAsync("Enhetschefer");
        await Assertions.Expect(row).ToContainTextAsync($"Tolkat: {year}-01-01 – {year}-06-30");
        var stored = await browser.App.WithDbAsync(db => db.Activities.SingleAsync(a => a.Plan!.Council!.Short == "skarholmen" && a.Plan.Year == year));
        Assert.Equal(("Enhetschefer", ActivityArea.Prevention), (stored.Responsible, stored.Area));
    }
}

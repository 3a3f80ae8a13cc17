using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

[Collection(nameof(BrowserCollection))]
public class ReportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Employee_FilesAReport_AndTheCoordinatorAssessesIt()
    {
        var employee = await browser.SignedInPageAsync(TestAccounts.SkarholmenEmployee);
        await employee.GetByRole(AriaRole.Link, new() { Name = "Rapportera" }).ClickAsync();
        await employee.AssertNoViolationsAsync();

        await employee.GetByLabel("Datum", new() { Exact = true }).FillAsync("2024-09-14");
        await employee.GetByLabel("Typ av plats").SelectOptionAsync(new SelectOptionValue { Label = "Kollektivtrafik" });
        await employee.GetByLabel("Klistermärken").CheckAsync();
        await employee.GetByLabel("Högerextrem / vit makt").CheckAsync();
        await employee.GetByLabel("Var kommer uppgiften ifrån?").SelectOptionAsync(new SelectOptionValue { Label = "Egen verksamhet" });
        await employee.GetByLabel("Vad hände?").FillAsync("Klistermärken från en vit makt-organisation vid busshållplatsen. Personen som satte upp dem har nummer 070-174 06 42.");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Skicka rapporten" }).ClickAsync();

        await Assertions.Expect(employee.GetByRole(AriaRole.Alert)).ToContainTextAsync("ett telefonnummer");
        await employee.AssertNoViolationsAsync();
        await employee.GetByLabel("Vad hände?").FillAsync("Klistermärken från en vit makt-organisation vid busshållplatsen. Borttagna av personalen.");
        await employee.GetByLabel("Informerat chef").CheckAsync();
        await employee.GetByRole(AriaRole.Button, new() { Name = "Skicka rapporten" }).ClickAsync();
        await Assertions.Expect(employee.GetByRole(AriaRole.Status)).ToContainTextAsync("Tack! Rapporten är skickad");

        var coordinator = await browser.SignedInPageAsync(TestAccounts.SkarholmenCoordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Rapporter \d+ nya$") }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inkomna rapporter");
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "2024-09-14" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByLabel("Bedömning").SelectOptionAsync(new SelectOptionValue { Label = "Relevant för VBE" });
        await coordinator.GetByLabel("Anteckning (valfri)").FillAsync("Stämmer med klotterstatistiken för hösten.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara bedömningen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedömningen är sparad.");
        await Assertions.Expect(coordinator.Locator("main dl")).ToContainTextAsync("Relevant för VBE");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Stäng rapporten" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rapporten är stängd.");
    }

    [Fact]
    public async Task RoutineAndPublicPages_AreAccessible()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.SkarholmenEmployee);
        await page.GotoAsync("/rutin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vid oro för en person eller en händelse" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync("/offentligt/rutin");
        await Assertions.Expect(anonymous.GetByText("Ring polisen på 114 14.")).ToBeVisibleAsync();
        await anonymous.AssertNoViolationsAsync();
        await anonymous.GotoAsync("/offentligt");
        await anonymous.AssertNoViolationsAsync();
    }
}

using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Varn.Web.Tests.FollowUp;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

/// <summary>A follow-up round as the people do it: the coordinator opens it, a unit manager updates their activity, the coordinator submits and downloads.</summary>
[Collection(nameof(BrowserCollection))]
public class FollowUpJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task UnitManagerUpdates_CoordinatorSubmitsAndDownloads_NoAxeViolations()
    {
        var plan = await FollowUpTestPlan.CreateAsync(browser.App, yearsAhead: 2);

        var coordinator = await browser.SignedInPageAsync(TestAccounts.SkarholmenCoordinator);
        await coordinator.GotoAsync(plan.Page);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Uppföljningsomgångar", Exact = true }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Öppna omgången" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Tertial 1 är öppnad");

        var manager = await browser.SignedInPageAsync(TestAccounts.SkarholmenUnitManager);
        await manager.GotoAsync($"{plan.Page}/uppfoljning/T1");
        var own = manager.GetByRole(AriaRole.Group, new() { Name = FollowUpTestPlan.Texts[0] });
        await Assertions.Expect(manager.GetByRole(AriaRole.Group, new() { Name = FollowUpTestPlan.Texts[1] }).GetByLabel("Status")).ToHaveCountAsync(0);
        await own.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Genomförd" });
        await own.GetByLabel("Kommentar").FillAsync("Alla fyra skolor har fått utbildningen.");
        await manager.AssertNoViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("1 aktiviteter är sparade");

        await own.GetByLabel("Kommentar").FillAsync("Ring 070-123 45 67 för frågor");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync("telefonnummer");
        await manager.AssertNoViolationsAsync();

        await coordinator.GotoAsync($"{plan.Page}/uppfoljning/T1");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Group, new() { Name = FollowUpTestPlan.Texts[0] }).GetByLabel("Kommentar")).ToHaveValueAsync("Alla fyra skolor har fått utbildningen.");
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lämna in Tertial 1" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("inlämnad och låst");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Group, new() { Name = FollowUpTestPlan.Texts[1] })).ToContainTextAsync("Försenad");
        await coordinator.AssertNoViolationsAsync();

        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "Ladda ner för ILS (XLSX)" }).ClickAsync());
        Assert.Equal($"uppfoljning-skarholmen-{plan.Year}-T1.xlsx", download.SuggestedFilename);
        using (var workbook = SpreadsheetDocument.Open(await download.PathAsync(), false))
        {
            Assert.Equal(4, workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
        }
        var word = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "Ladda ner uppföljningsrapport (Word)" }).ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename);

        await coordinator.GotoAsync(plan.Page);
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = FollowUpTestPlan.Texts[1] })).ToContainTextAsync("Försenad vid tertial 1");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Indikatorer", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Indikatorer");
        await coordinator.AssertNoViolationsAsync();
    }
}

using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

[Collection(nameof(BrowserCollection))]
public class DocumentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_RevisesThePlanComparesAndPrints()
    {
        var page = await browser.SignedInPageAsync("samordnare.hasselby-vallingby@varn.example");

        await page.GotoAsync("/planer/hasselby-vallingby/2017");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revidera till 2018" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hässelby-Vällingby stadsdelsnämnds handlingsplan mot våldsbejakande extremism 2018");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Aktiviteter i 2017 års plan och hur de slutade" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra aktivitet 1", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Tidplan").FillAsync("HT 2018");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Jämför med föregående år" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jämförelse 2017 – 2018");
        await Assertions.Expect(page.Locator("main ins").First).ToHaveTextAsync("HT 2018");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync("/planer/hasselby-vallingby/2018/utskrift");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status på föregående års åtgärder (2017)" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Coordinator_PreviewsAWordImport()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.KungsholmenCoordinator);
        var download = await page.Context.APIRequest.GetAsync("/planer/skarholmen/2017?handler=Word");
        var docx = await download.BodyAsync();

        await page.GotoAsync("/planer/importera-word");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Word-fil (.docx)").SetInputFilesAsync(new FilePayload { Name = "skarholmen-2017.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx });
        await page.GetByLabel("År").FillAsync("2029");
        await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Tabeller som hittades" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("15 aktiviteter i 6 tabeller.")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GotoAsync("/planer/importera");
        await page.AssertNoViolationsAsync();
    }
}

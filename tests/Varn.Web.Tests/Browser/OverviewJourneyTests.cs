using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

/// <summary>The central coordinator sorts the city overview and downloads it; the home pages list what waits, without axe violations.</summary>
[Collection(nameof(BrowserCollection))]
public class OverviewJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task CentralCoordinator_SortsTheOverviewAndDownloadsIt_HomePagesPassAxe()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.Central);
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Översikt", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Stadens översikt");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Försenade" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Försenade" }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Försenade");
        var overdue = (await page.Locator("#naemnderna tbody tr td:nth-of-type(4)").AllTextContentsAsync()).Select(t => int.Parse(t.Trim())).ToList();
        Assert.Equal(overdue.OrderDescending(), overdue);
        await page.AssertNoViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner XLSX" }).ClickAsync());
        Assert.Equal($"oversikt-{browser.App.Clock.Today().Year}.xlsx", download.SuggestedFilename);

        var manager = await browser.SignedInPageAsync(TestAccounts.SkarholmenUnitManager);
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mitt arbete");
        await manager.AssertNoViolationsAsync();
    }
}

using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

/// <summary>The coordinator's spring: the police's input and the statistics entered, the picture and its charts read, a finding edited and used in the plan.</summary>
[Collection(nameof(BrowserCollection))]
public class SituationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_EntersSources_ReadsThePicture_EditsAFinding_AndUsesItInThePlan()
    {
        var year = browser.App.Clock.Today().Year + 1;
        var page = await browser.SignedInPageAsync(TestAccounts.KungsholmenCoordinator);
        await page.GotoAsync("/planer/ny");
        await page.GetByLabel("Nämnd").SelectOptionAsync(new SelectOptionValue { Value = "kungsholmen" });
        await page.GetByLabel("År").FillAsync(year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa plan" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Lägesbild", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"planår {year}" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Lokal lägesbild {year}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ange underlag" }).ClickAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Polisens lägesbild").FillAsync("Polisen ser en ökad aktivitet med klistermärken vid tunnelbanestationerna.");
        await page.GetByLabel("Högerextrem / vit makt").FillAsync("tre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara polisens bedömning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange ett heltal");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Högerextrem / vit makt").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara polisens bedömning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Polisens bedömning är sparad.");
        await page.GetByLabel("IA – varav VBE-relaterade").FillAsync("7");
        await page.GetByLabel("Orosanmälningar med inslag av våldsbejakande extremism").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara underlaget" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Underlaget är sparat.");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Lokal lägesbild {year}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Relevanta rapporter per kalenderår" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Relevanta rapporter per miljö" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".findings")).ToContainTextAsync("Polisens bedömning: Polisen ser en ökad aktivitet");
        await Assertions.Expect(page.Locator(".findings")).ToContainTextAsync("IA – varav VBE-relaterade: 7.");
        await page.AssertNoViolationsAsync();

        var findings = page.GetByLabel("Följande har framkommit");
        var drafted = await findings.InputValueAsync();
        await findings.FillAsync("Klistermärken vid tunnelbanan är det som ökat mest.\n" + drafted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara texten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lägesbildens text är sparad.");
        await Assertions.Expect(page.Locator(".findings li").First).ToHaveTextAsync("Klistermärken vid tunnelbanan är det som ökat mest.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Använd i planen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Lägesbilden är inlagd i planens avsnitt");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Klistermärken vid tunnelbanan är det som ökat mest.");
        await page.AssertNoViolationsAsync();
    }

    /// <summary>SVG text does not wrap: a label wider than the room before its bar would be cut at the chart's left edge.</summary>
    [Fact]
    public async Task EveryChartLabel_FitsInsideItsChart_InTheSituationPictureAndTheOverview()
    {
        var page = await browser.SignedInPageAsync(TestAccounts.Central);
        foreach (var path in new[] { $"/lagesbild/skarholmen/{browser.App.Clock.Today().Year}", "/oversikt" })
        {
            await page.GotoAsync(path);
            var labels = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('svg text.chart__label')].map(t => t.textContent)");
            Assert.NotEmpty(labels);
            var cut = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('svg text.chart__label')].filter(t => t.getBBox().x < 0).map(t => t.textContent)");
            Assert.True(cut.Length == 0, $"{path}: cut at the left edge: {string.Join(", ", cut)}");
        }
    }
}

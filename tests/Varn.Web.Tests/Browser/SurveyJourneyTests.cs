using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

[Collection(nameof(BrowserCollection))]
public class SurveyJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Coordinator_OpensARound_ARecipientAnswersByLinkWithoutSigningIn_AndTheCoordinatorReadsTheResults()
    {
        var year = browser.App.Clock.Today().Year;
        var coordinator = await browser.SignedInPageAsync(TestAccounts.KungsholmenCoordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Enkäter", Exact = true }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByLabel("År").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Gå till enkäten" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Enkät {year}");
        await coordinator.AssertNoViolationsAsync();

        await coordinator.GetByLabel("Sista svarsdag").FillAsync(browser.App.Clock.Today().AddDays(14).ToString("yyyy-MM-dd"));
        await coordinator.GetByLabel("Namn").FillAsync("Idrottsföreningen Prov");
        await coordinator.GetByLabel("Typ av aktör").SelectOptionAsync(new SelectOptionValue { Label = "Förening" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Bjud in och visa länkarna" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Länkarna visas bara nu");
        await coordinator.AssertNoViolationsAsync();
        var link = await coordinator.Locator(".links code").First.TextContentAsync();

        var recipient = await browser.NewPageAsync();
        await recipient.GotoAsync(new Uri(link!).PathAndQuery);
        await Assertions.Expect(recipient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Enkät om våldsbejakande extremism");
        await recipient.AssertNoViolationsAsync();
        await recipient.GetByRole(AriaRole.Group, new() { Name = "Arbetar enheten i dag förebyggande för att motverka våldsbejakande extremism?" }).GetByLabel("Ja").CheckAsync();
        await recipient.GetByLabel("Klistermärken").CheckAsync();
        await recipient.GetByLabel("Övriga kommentarer").FillAsync("Kontakta mig på 070-174 06 55.");
        await recipient.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();
        await Assertions.Expect(recipient.GetByRole(AriaRole.Alert)).ToContainTextAsync("ett telefonnummer");
        await recipient.AssertNoViolationsAsync();
        await recipient.GetByLabel("Övriga kommentarer").FillAsync("Klistermärken vid planen under våren.");
        await recipient.GetByRole(AriaRole.Button, new() { Name = "Fortsätt" }).ClickAsync();
        await Assertions.Expect(recipient.GetByRole(AriaRole.Heading, new() { Name = "Kontrollera dina svar" })).ToBeVisibleAsync();
        await recipient.AssertNoViolationsAsync();
        await recipient.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();
        await Assertions.Expect(recipient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tack för dina svar");
        await recipient.AssertNoViolationsAsync();

        await coordinator.GotoAsync($"/enkater/kungsholmen/{year}");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Stäng enkäten" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Stäng enkäten" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Enkäten är stängd. Resultaten är klara.");
        await Assertions.Expect(coordinator.Locator("main dl")).ToContainTextAsync("100 %");
        await Assertions.Expect(coordinator.GetByText("Klistermärken vid planen under våren.")).ToBeVisibleAsync();
        await coordinator.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task TemplateAndAReadersProtectedResults_AreAccessible()
    {
        var central = await browser.SignedInPageAsync(TestAccounts.Central);
        await central.GotoAsync("/enkater/mall");
        await Assertions.Expect(central.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Stadens enkätmall");
        await central.AssertNoViolationsAsync();

        var reader = await browser.SignedInPageAsync(TestAccounts.SkarholmenReader);
        await reader.GotoAsync($"/enkater/skarholmen/{browser.App.Clock.Today().Year - 1}/resultat");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Resultat");
        await reader.AssertNoViolationsAsync();
    }
}

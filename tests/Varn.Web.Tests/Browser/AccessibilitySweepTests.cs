using Microsoft.Playwright;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Browser;

/// <summary>The pages the journeys do not pass through, scanned with axe as the central coordinator and the administrator.</summary>
[Collection(nameof(BrowserCollection))]
public class AccessibilitySweepTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryOtherPage_HasNoAxeViolations()
    {
        var central = await browser.SignedInPageAsync(TestAccounts.Central);
        await central.GotoAsync("/planer/ny");
        await central.GetByLabel("Nämnd").SelectOptionAsync(new SelectOptionValue { Label = "Bromma stadsdelsnämnd" });
        await central.GetByLabel("År").FillAsync("2027");
        await central.GetByRole(AriaRole.Button, new() { Name = "Skapa plan" }).ClickAsync();
        await central.GetByRole(AriaRole.Link, new() { Name = "Lägg till aktivitet – Förebyggande aktiviteter" }).ClickAsync();
        await central.GetByLabel("Aktivitet", new() { Exact = true }).FillAsync("Studiebesök på fritidsgårdarna");
        await central.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        var activity = await browser.App.WithDbAsync(db => db.Activities.Where(a => a.Plan!.Council!.Short == "bromma").Select(a => a.Id).SingleAsync());
        var report = await browser.App.WithDbAsync(db => db.Reports.Where(r => r.Council!.Short == "skarholmen").Select(r => r.Id).FirstAsync());

        string[] pages =
        [
            "/", "/planer/bromma/2027/steg", "/planer/bromma/2027/uppgifter", "/planer/bromma/2027/avsnitt/introduction",
            $"/planer/bromma/2027/aktiviteter/{activity}/ta-bort", "/planer/bromma/2027/jamforelse", "/planer/skarholmen/2019/utskrift",
            "/mall", "/mall/introduction", "/organisation", "/organisation/skarholmen", "/organisation/ny",
            "/rutin/andra", "/kunskapsbank/ny", $"/rapporter/{report}", "/rapporter?Filter.Status=all", "/konto", "/fel/404",
        ];
        foreach (var path in pages)
        {
            await central.GotoAsync(path);
            await central.AssertNoViolationsAsync();
        }

        var admin = await browser.SignedInPageAsync(TestAccounts.Admin);
        foreach (var path in new[] { "/admin/konton/nytt", "/admin/logg?Action=signin" })
        {
            await admin.GotoAsync(path);
            await admin.AssertNoViolationsAsync();
        }
    }
}

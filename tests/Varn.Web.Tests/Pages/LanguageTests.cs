using System.Net;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Pages;

public class LanguageTests
{
    [Fact]
    public async Task SwitchingToEnglish_TranslatesTheInterface_AndSwedishStaysTheDefault()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        var swedish = await client.GetPageAsync("/planer/skarholmen/2019");
        var form = swedish.Form("form.language");
        var switched = await client.SubmitAsync(form, submitter: (AngleSharp.Html.Dom.IHtmlElement)form.QuerySelector("button")!);
        var english = await client.GetPageAsync("/planer/skarholmen/2019");

        Assert.Equal("sv", swedish.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Handlingsplaner", swedish.QuerySelector("nav")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Action plans", english.QuerySelector("nav")!.TextContent);
        Assert.Contains("Preventive work", english.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Contains("Skärholmens stadsdelsnämnds handlingsplan", english.QuerySelector("h1")!.TextContent);
    }
}

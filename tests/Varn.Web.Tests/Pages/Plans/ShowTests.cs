using System.Net;
using Varn.Core.Plans;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Pages.Plans;

public class ShowTests : IClassFixture<ShowTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public VarnFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly VarnFactory app;

    public ShowTests(Fixture fixture) => app = fixture.App;

    [Fact]
    public async Task PlanList_ShowsTheThreeSeedPlans_AndTheDemosFollowedUpPlanOfThisYear()
    {
        var page = await (await app.SignedInAsync(TestAccounts.Central)).GetPageAsync("/planer");

        var links = page.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/planer/hasselby-vallingby/2017", $"/planer/skarholmen/{app.Clock.Today().Year}", "/planer/skarholmen/2019", "/planer/skarholmen/2017"], links);
    }

    [Fact]
    public async Task PlanPage_ShowsSectionsInTheCommonOrderWithActivityTables()
    {
        var page = await (await app.SignedInAsync(TestAccounts.Central)).GetPageAsync("/planer/skarholmen/2019");

        var headings = page.QuerySelectorAll("main h2[id^=avsnitt-], main h3[id^=rubrik-]").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(
            ["Inledning och syfte", "Ansvar och samverkan", "Lokal lägesbild", "Kartläggning", "Analys", "Förebyggande arbete",
             "Förhindrande arbete", "Föreningsbidrag och upplåtande av lokaler", "Kompetenshöjande insatser", "Uppföljning"],
            headings);

        var tables = page.QuerySelectorAll("main table caption").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Förebyggande aktiviteter", tables);
        Assert.Contains("Kompetenshöjande aktiviteter", tables);
        var prevention = page.QuerySelector("#aktiviteter-prevention table")!;
        Assert.Equal(14, prevention.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Aktivitet", "Ansvarig", "Tidplan", "Uppföljning", "Status", "Åtgärder"],
            prevention.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task PlanPage_ShowsTheParsedScheduleBesideTheRawText()
    {
        var page = await (await app.SignedInAsync(TestAccounts.Central)).GetPageAsync("/planer/skarholmen/2019");

        var row = page.QuerySelectorAll("#aktiviteter-hindering tbody tr")
            .First(r => r.TextContent.Contains("Implementera den stadsövergripande vägledningen"));
        Assert.Contains("190501", row.TextContent);
        Assert.Contains("Klart senast 2019-05-01", row.TextContent);
    }

    [Fact]
    public async Task SupersededPlanWithTheOlderTable_ShowsPartnersNoFollowUpColumnAndNoEditing()
    {
        var page = await (await app.SignedInAsync(TestAccounts.Central)).GetPageAsync("/planer/skarholmen/2017");

        var headers = page.QuerySelectorAll("#aktiviteter-organisation thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["Aktivitet", "Ansvarig", "Samverkan", "Tidplan", "Status"], headers);
        Assert.Empty(page.QuerySelectorAll("main table form, main table a"));
    }

    [Theory]
    [InlineData("/planer/skarholmen/2031")]
    [InlineData("/planer/gotham/2019")]
    [InlineData("/planer/skarholmen/2019/aktiviteter/999999")]
    [InlineData("/planer/skarholmen/2019/avsnitt/epilogue")]
    public async Task UnknownPlanOrPart_IsNotFound(string url)
    {
        var page = await (await app.SignedInAsync(TestAccounts.Central)).GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Sidan finns inte", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task DownloadedJson_IsTheInterchangeDocument()
    {
        var response = await (await app.SignedInAsync(TestAccounts.Central)).GetAsync("/planer/skarholmen/2019?handler=Json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("{\n  \"format\": \"varn.plan/1\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void SectionOrder_IsTheCommonStructure()
    {
        Assert.Equal(
            [SectionKey.Introduction, SectionKey.Responsibility, SectionKey.SituationMapping, SectionKey.SituationAnalysis, SectionKey.Prevention,
             SectionKey.Hindering, SectionKey.GrantsAndPremises, SectionKey.Competence, SectionKey.FollowUp],
            SectionKeys.InOrder);
    }
}

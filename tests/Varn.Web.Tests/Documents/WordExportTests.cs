using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Varn.Core.Plans.Interchange;
using Varn.Core.Plans;
using Varn.Core.Accounts;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Documents;

public partial class WordExportTests : IClassFixture<WordExportTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public VarnFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly VarnFactory app;

    public WordExportTests(Fixture fixture) => app = fixture.App;

    [Theory]
    [InlineData("skarholmen", 2017, "skarholmen-2017.json")]
    [InlineData("hasselby-vallingby", 2017, "hasselby-vallingby-2017.json")]
    [InlineData("skarholmen", 2019, "skarholmen-2019.json")]
    public async Task WordFile_OpensInLibreOffice_WithEveryActivityAndSectionHeading(string council, int year, string seed)
    {
        var docx = await DownloadAsync(council, year);
        var (plan, _) = PlanDocumentReader.Read(DemoPlans.ReadSeedPlan(seed));

        var pdf = await Tools.WordToPdfTextAsync(docx);

        var text = Squash(pdf);
        foreach (var activity in plan!.Activities)
        {
            Assert.True(text.Contains(Squash(activity.Text), StringComparison.Ordinal), $"Activity not in the PDF: {activity.Text}");
        }
        foreach (var title in SectionKeys.InOrder.Select(k => k.Title()).Append(SectionKeys.SituationPictureTitle))
        {
            Assert.True(text.Contains(Squash(title), StringComparison.Ordinal), $"Heading not in the PDF: {title}");
        }
        var contents = Squash(pdf[pdf.IndexOf("Innehåll", StringComparison.Ordinal)..pdf.IndexOf("Inledning och syfte", pdf.IndexOf("Uppföljning", pdf.IndexOf("Innehåll", StringComparison.Ordinal), StringComparison.Ordinal), StringComparison.Ordinal)]);
        Assert.All(SectionKeys.InOrder, key => Assert.Contains(Squash(key.Title()), contents));
    }

    [Fact]
    public async Task WordFile_HasNavigableHeadingsATocFieldHeaderRowsFootnotesAndPageNumbers()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync("skarholmen", 2019)), false);
        var body = word.MainDocumentPart!.Document!.Body!;

        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Inledning och syfte", "Ansvar och samverkan", "Lokal lägesbild", "Förebyggande arbete", "Förhindrande arbete",
            "Föreningsbidrag och upplåtande av lokaler", "Kompetenshöjande insatser", "Uppföljning"], headings);
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC", StringComparison.Ordinal));

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(4, tables.Count);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Equal(["Aktivitet", "Ansvarig", "Tidplan", "Uppföljning", "Status"], tables[0].Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList());
        Assert.Equal(15, tables[0].Elements<TableRow>().Count());

        var footnotes = word.MainDocumentPart.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id! > 0).Select(f => f.InnerText).ToList();
        Assert.Equal(4, footnotes.Count);
        Assert.Contains(footnotes, f => f.Contains("Dnr 155-943/2015", StringComparison.Ordinal));
        Assert.Contains(word.MainDocumentPart.FooterParts.Single().Footer!.Descendants<FieldCode>(), f => f.Text.Contains("PAGE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OlderTable_KeepsItsSamverkanColumnAndHasNoUppfoljning()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync("skarholmen", 2017)), false);

        var header = word.MainDocumentPart!.Document!.Body!.Elements<Table>().First().Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();

        Assert.Equal(["Aktivitet", "Ansvarig", "Samverkan", "Tidplan", "Status"], header);
    }

    private async Task<byte[]> DownloadAsync(string council, int year)
    {
        var client = await app.SignedInAsync(TestAccounts.Central);
        var response = await client.GetAsync($"/planer/{council}/{year}?handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Squash(string text) => Noise().Replace(text, "").ToLowerInvariant();

    [GeneratedRegex(@"[\s\-–\u00AD¹²³⁴⁵⁶⁷⁸⁹⁰]")]
    private static partial Regex Noise();
}

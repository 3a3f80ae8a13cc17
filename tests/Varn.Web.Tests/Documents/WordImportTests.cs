using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Varn.Core.Plans.Interchange;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Documents;

public class WordImportTests : IClassFixture<WordImportTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public VarnFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly VarnFactory app;

    public WordImportTests(Fixture fixture) => app = fixture.App;

    [Theory]
    [InlineData("skarholmen", 2017)]
    [InlineData("hasselby-vallingby", 2017)]
    [InlineData("skarholmen", 2019)]
    public async Task ExportedWordFile_ReadsBackTheSameActivitiesPerArea(string council, int year)
    {
        var client = await app.SignedInAsync(TestAccounts.Central);
        var docx = await client.GetByteArrayAsync($"/planer/{council}/{year}?handler=Word");
        var exported = PlanDocumentReader.Read(await client.GetByteArrayAsync($"/planer/{council}/{year}?handler=Json")).Document!;

        var read = WordPlanReader.Read(docx);

        Assert.Null(read.Error);
        Assert.Empty(read.NotUnderstood);
        Assert.Equal(
            exported.Activities.Select(a => (a.Area, a.Text, a.Responsible, a.Schedule?.ReplaceLineEndings(" "), a.FollowUp, string.Join("|", a.Partners))),
            read.Activities.Select(a => (a.Area, a.Text, a.Responsible, a.Schedule, a.FollowUp, string.Join("|", a.Partners))));
    }

    [Fact]
    public async Task UploadAndSave_PutsTheActivitiesInANewDraft()
    {
        var client = await app.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var docx = await (await app.SignedInAsync(TestAccounts.Central)).GetByteArrayAsync("/planer/skarholmen/2019?handler=Word");

        var preview = await UploadAsync(client, docx, "kungsholmen", "2030");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await Html.ParseAsync(preview);
        Assert.Contains("30 aktiviteter i 4 tabeller.", page.QuerySelector("main")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Plans.AnyAsync(p => p.Council!.Short == "kungsholmen" && p.Year == 2030)));

        var saved = await client.SubmitAsync(page.Form("form[action*=Save]"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/planer/kungsholmen/2030", saved.Location());
        var plan = await app.WithDbAsync(db => db.Plans.Include(p => p.Activities).SingleAsync(p => p.Council!.Short == "kungsholmen" && p.Year == 2030));
        Assert.Equal((Core.Plans.PlanStage.Draft, 30), (plan.Stage, plan.Activities.Count));
    }

    public static TheoryData<string> BadFiles => new() { "no tables", "corrupt", "not word", "encrypted", "zip bomb" };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFile_GetsAClearMessageAndNothingIsStored(string kind)
    {
        var client = await app.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var before = await app.WithDbAsync(async db => (await db.Plans.CountAsync(), await db.Activities.CountAsync()));

        var response = await UploadAsync(client, BadFile(kind), "kungsholmen", "2031");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Html.ParseAsync(response)).QuerySelector("#Upload-error")!.TextContent;
        Assert.Contains(kind switch
        {
            "no tables" => "inga aktivitetstabeller",
            "corrupt" => "skadad",
            "not word" => "inte ett Word-dokument",
            "encrypted" => "lösenordsskyddad",
            _ => "zip-bomb",
        }, message);
        Assert.Equal(before, await app.WithDbAsync(async db => (await db.Plans.CountAsync(), await db.Activities.CountAsync())));
    }

    private static byte[] BadFile(string kind)
    {
        switch (kind)
        {
            case "no tables":
                using (var stream = new MemoryStream())
                {
                    using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
                    {
                        word.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Bara text, ingen tabell.")))));
                    }
                    return stream.ToArray();
                }
            case "corrupt":
                var valid = BadFile("no tables");
                return valid[..(valid.Length / 2)];
            case "not word":
                return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray();
            case "encrypted":
                // An Office file encrypted with a password is a compound file, not a zip.
                return [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
            default:
                using (var stream = new MemoryStream())
                {
                    using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                    {
                        using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
                        var zeros = new byte[1024 * 1024];
                        for (var i = 0; i < 300; i++)
                        {
                            entry.Write(zeros);
                        }
                    }
                    return stream.ToArray();
                }
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string council, string year)
    {
        var page = await client.GetPageAsync("/planer/importera-word");
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new StringContent(council), "Council" },
            { new StringContent(year), "Year" },
            { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document") } }, "Upload", "plan.docx" },
        };
        return await client.PostAsync("/planer/importera-word?handler=Preview", content);
    }
}

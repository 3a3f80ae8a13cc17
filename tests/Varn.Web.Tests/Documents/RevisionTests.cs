using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Varn.Core.Plans;
using Microsoft.Extensions.DependencyInjection;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Documents;

public class RevisionTests
{
    [Fact]
    public async Task RevisingSkarholmen2019_CreatesA2020DraftWithLineageStatusesAndADiff()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var done = await app.WithDbAsync(db => db.Activities.Where(a => a.Plan!.Year == 2019 && a.Text.StartsWith("Delta i stadens arbetsgrupp")).Select(a => a.Id).SingleAsync());
        var followUp = await client.GetPageAsync($"/planer/skarholmen/2019/aktiviteter/{done}");
        await client.SubmitAsync(followUp.Form(), new Dictionary<string, string> { ["Input.Status"] = "done", ["Input.StatusComment"] = "Riktlinjerna antogs i juni." });

        var plan = await client.GetPageAsync("/planer/skarholmen/2019");
        var revised = await client.SubmitAsync(plan.Form("form[action*=Revise]"));

        Assert.Equal("/planer/skarholmen/2020", revised.Location());
        var (old, next) = await app.WithDbAsync(async db => (
            await db.Activities.Where(a => a.Plan!.Year == 2019 && a.Plan.Council!.Short == "skarholmen").ToListAsync(),
            await db.Plans.Include(p => p.Activities).Include(p => p.Sections).SingleAsync(p => p.Year == 2020 && p.Council!.Short == "skarholmen")));
        Assert.Equal(PlanStage.Draft, next.Stage);
        Assert.Equal("Skärholmens stadsdelsnämnds handlingsplan mot våldsbejakande extremism 2020", next.Title);
        Assert.Equal(29, next.Activities.Count);
        Assert.All(next.Activities, a => Assert.Contains(old, o => o.Id == a.CarriedFromId && o.Text == a.Text));
        Assert.DoesNotContain(next.Activities, a => a.CarriedFromId == done);
        Assert.Equal(9, next.Sections.Count(s => s.Text.Length > 0));

        var docx = await client.GetByteArrayAsync("/planer/skarholmen/2020?handler=Word");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Status på föregående års åtgärder (2019)", body);
            Assert.Contains("Riktlinjerna antogs i juni.", body);
        }
        var pdf = await Tools.WordToPdfTextAsync(docx);
        Assert.Contains("Status på föregående års åtgärder", pdf);

        var carried = next.Activities.First(a => a.Text.StartsWith("Informera medarbetare om hur olika symboler", StringComparison.Ordinal));
        var edit = await client.GetPageAsync($"/planer/skarholmen/2020/aktiviteter/{carried.Id}");
        await client.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Input.Schedule"] = "VT 2020" });
        var diff = await client.GetPageAsync("/planer/skarholmen/2020/jamforelse");

        var changed = diff.QuerySelectorAll("main table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("Informera medarbetare", StringComparison.Ordinal));
        Assert.Contains("2019", changed.QuerySelector("del")!.TextContent);
        Assert.Equal("VT 2020", changed.QuerySelector("ins")!.TextContent);
        Assert.Contains("Delta i stadens arbetsgrupp", diff.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ApprovingTheRevision_SupersedesLastYearsPlan_AndASecondRevisionIsRefused()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        await client.SubmitAsync((await client.GetPageAsync("/planer/skarholmen/2019")).Form("form[action*=Revise]"));
        var source = await app.WithDbAsync(db => db.Plans.Where(p => p.Year == 2019 && p.Council!.Short == "skarholmen").Select(p => p.Id).SingleAsync());
        var second = await app.WithServicesAsync(s => s.GetRequiredService<PlanRevision>().ReviseAsync(source, "test"));

        foreach (var (stage, fields) in new[]
                 {
                     ("consultation", new Dictionary<string, string>()),
                     ("decided", new Dictionary<string, string> { ["Input.Diarienummer"] = "1.2-3/2020", ["Input.DecidedOn"] = "2020-02-20" }),
                     ("approved", new Dictionary<string, string> { ["Input.ApprovedOn"] = "2020-03-18" }),
                 })
        {
            fields["Input.To"] = stage;
            var response = await client.SubmitAsync((await client.GetPageAsync("/planer/skarholmen/2020/steg")).Form(), fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Contains("redan en plan för 2020", second.Error);
        // 2017, 2019 and 2020 (demo mode also has this year's followed-up plan, which is not their business).
        var stages = await app.WithDbAsync(db => db.Plans.Where(p => p.Council!.Short == "skarholmen" && p.Year <= 2020).OrderBy(p => p.Year).Select(p => p.Stage).ToListAsync());
        Assert.Equal([PlanStage.Superseded, PlanStage.Superseded, PlanStage.Approved], stages);
    }
}

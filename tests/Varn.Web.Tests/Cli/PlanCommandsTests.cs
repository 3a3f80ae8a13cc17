using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Cli;

/// <summary>The administrator's command line, run against the same services and database as the server.</summary>
[Collection(nameof(ConsoleCollection))]
public class PlanCommandsTests : IDisposable
{
    private readonly VarnFactory app = new();
    private readonly string folder = Directory.CreateTempSubdirectory("varn-cli-").FullName;

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ExportThenImportWithReplace_RestoresADraft()
    {
        var file = Path.Combine(folder, "plan.json");
        await app.RunAsync("plans", "revise", "--council", "skarholmen", "--from", "2019");

        var (exported, exportOutput) = await app.RunAsync("plans", "export", "--council", "skarholmen", "--year", "2020", "-o", file);
        var carried = await app.WithDbAsync(db => db.Activities.CountAsync(a => a.Plan!.Year == 2020));
        await app.WithDbAsync(db => db.Activities.Where(a => a.Plan!.Year == 2020).ExecuteDeleteAsync());
        var (refused, refusedOutput) = await app.RunAsync("plans", "import", file);
        var (replaced, replacedOutput) = await app.RunAsync("plans", "import", file, "--replace");

        Assert.Equal(0, exported);
        Assert.Contains("Skrev Skärholmens stadsdelsnämnds handlingsplan", exportOutput);
        Assert.Equal(1, refused);
        Assert.Contains("har redan en plan för 2020", refusedOutput);
        Assert.Equal(0, replaced);
        Assert.Contains($"Ersatte Skärholmens stadsdelsnämnd 2020 ({carried} aktiviteter)", replacedOutput);
        Assert.Equal(carried, await app.WithDbAsync(db => db.Activities.CountAsync(a => a.Plan!.Year == 2020 && a.Plan.Council!.Short == "skarholmen")));
    }

    [Fact]
    public async Task ImportWithReplace_OverAnApprovedPlan_IsRefusedAndChangesNothing()
    {
        var file = Path.Combine(folder, "plan.json");
        await app.RunAsync("plans", "export", "--council", "skarholmen", "--year", "2019", "-o", file);
        var before = await app.WithDbAsync(db => db.Plans.Where(p => p.Year == 2019 && p.Council!.Short == "skarholmen").Select(p => new { p.Id, p.Version, Activities = p.Activities.Count, Stages = p.StageChanges.Count }).SingleAsync());

        var (code, output) = await app.RunAsync("plans", "import", file, "--replace");

        Assert.Equal(1, code);
        Assert.Contains("är låst i steget «Godkänd av kommunstyrelsen» och kan inte ersättas", output);
        Assert.Equal(before, await app.WithDbAsync(db => db.Plans.Where(p => p.Year == 2019 && p.Council!.Short == "skarholmen").Select(p => new { p.Id, p.Version, Activities = p.Activities.Count, Stages = p.StageChanges.Count }).SingleAsync()));
    }

    [Fact]
    public async Task Import_WithOneBadFileAmongGoodOnes_ImportsNothing()
    {
        var good = Path.Combine(folder, "good.json");
        var bad = Path.Combine(folder, "bad.json");
        await app.RunAsync("plans", "export", "--council", "skarholmen", "--year", "2019", "-o", good);
        await File.WriteAllTextAsync(good, (await File.ReadAllTextAsync(good)).Replace("\"year\": 2019", "\"year\": 2020"));
        await File.WriteAllTextAsync(bad, "{\"format\": \"varn.plan/1\", \"year\": \"2020\"}");

        var (code, output) = await app.RunAsync("plans", "import", good, bad);

        Assert.Equal(1, code);
        Assert.Contains("bad.json: kan inte läsas in", output);
        Assert.Contains("$.year: Ska vara ett årtal", output);
        Assert.Contains("Ingen plan lästes in.", output);
        Assert.Equal(0, await app.WithDbAsync(db => db.Plans.CountAsync(p => p.Year == 2020)));
    }

    [Fact]
    public async Task Export_OfAPlanThatDoesNotExist_FailsWithAMessage()
    {
        var (code, output) = await app.RunAsync("plans", "export", "--council", "skarholmen", "--year", "2031", "-o", Path.Combine(folder, "x.json"));

        Assert.Equal(1, code);
        Assert.Contains("Det finns ingen plan för «skarholmen» 2031.", output);
    }

    [Fact]
    public async Task ImportWordDryRun_PrintsThePlanAndStoresNothing_AndReviseCreatesNextYear()
    {
        var docx = Path.Combine(folder, "plan.docx");
        await app.RunAsync("plans", "export", "--council", "hasselby-vallingby", "--year", "2017", "--format", "docx", "-o", docx);

        var (dry, json) = await app.RunAsync("plans", "import-word", docx, "--council", "farsta", "--year", "2027", "--dry-run");
        var (revised, revisedOutput) = await app.RunAsync("plans", "revise", "--council", "hasselby-vallingby", "--from", "2017");
        var (again, againOutput) = await app.RunAsync("plans", "revise", "--council", "hasselby-vallingby", "--from", "2017");

        Assert.Equal(0, dry);
        var (document, errors) = Varn.Core.Plans.Interchange.PlanDocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Empty(errors);
        Assert.Equal(("Farsta stadsdelsnämnd", 2027, 14), (document!.Council.Name, document.Year, document.Activities.Count));
        Assert.False(await app.WithDbAsync(db => db.Plans.AnyAsync(p => p.Council!.Short == "farsta")));
        Assert.Equal(0, revised);
        Assert.Contains("2018 som utkast med 14 överförda aktiviteter", revisedOutput);
        Assert.Equal(1, again);
        Assert.Contains("har redan en plan för 2018", againOutput);
    }
}

/// <summary>Tests that redirect the process's console run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

using System.Net;
using Varn.Core.Audit;
using Varn.Web.Tests.Cli;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Audit;

[Collection(nameof(ConsoleCollection))]
public class AuditLogTests
{
    [Fact]
    public async Task Changes_AreLoggedWithWhoAndWhat_NeverTheText()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var page = await client.GetPageAsync("/planer/ny");
        await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Council"] = "skarholmen", ["Input.Year"] = "2029" });
        var form = await client.GetPageAsync("/planer/skarholmen/2029/aktiviteter/ny?omrade=prevention");
        await client.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Text"] = "Kvittoord-7741 ska inte synas i loggen", ["Input.Responsible"] = "Preventionssamordnare" });

        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());

        var created = rows.Last(r => r.Action == "Activity.created");
        Assert.Equal("Demo Samordnare Skärholmen", created.Actor);
        Assert.NotNull(created.EntityId);
        Assert.Contains(rows, r => r.Action == "ActionPlan.created" && r.Actor == "Demo Samordnare Skärholmen");
        Assert.Contains(rows, r => r.Action == "signin.succeeded");
        Assert.DoesNotContain(rows, r => $"{r.Actor} {r.Action} {r.Entity} {r.EntityId} {r.Summary}".Contains("Kvittoord-7741", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_IsLogged()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenReader);

        await client.GetAsync("/planer/skarholmen/2019?handler=Json");

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "plan.exported" && a.Actor == "Demo Förtroendevald Skärholmen")));
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task Verify_PassesAndFailsAfterARowIsAlteredInTheDatabase(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);
        var dropTrigger = database == DatabaseProvider.Sqlite ? "DROP TRIGGER AuditEntries_no_update" : "DROP TRIGGER \"AuditEntries_append_only\" ON \"AuditEntries\"";
        await AssertVerifyCatchesTamperingAsync(app, dropTrigger, "UPDATE \"AuditEntries\" SET \"Actor\" = 'Någon annan' WHERE \"Sequence\" = 5");
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task TheDatabase_RefusesToUpdateOrDeleteAuditRows(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database);

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'x'")));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
        Assert.True((await app.WithDbAsync(db => AuditLog.VerifyAsync(db))).Intact);
    }

    [Fact]
    public async Task AuditPage_ShowsTheLogAndChecksTheChain()
    {
        using var app = new VarnFactory();
        var admin = await app.SignedInAsync(TestAccounts.Admin);

        var page = await admin.GetPageAsync("/admin/logg?Action=signin");
        var verified = await admin.SubmitAsync(page.Form("main form[method=post]"));

        Assert.All(page.QuerySelectorAll("main tbody tr code").Select(c => c.TextContent), action => Assert.StartsWith("signin", action));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Contains("Granskningsloggen är obruten", (await Html.ParseAsync(verified)).QuerySelector("[role=status]")!.TextContent);
    }

    private static async Task AssertVerifyCatchesTamperingAsync(VarnFactory app, string dropTrigger, string tamper)
    {
        await (await app.SignedInAsync(TestAccounts.Central)).GetAsync("/planer");
        var (intact, intactOutput) = await app.RunAsync("audit", "verify");

        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(dropTrigger);
            await db.Database.ExecuteSqlRawAsync(tamper);
        });
        var (broken, brokenOutput) = await app.RunAsync("audit", "verify");

        Assert.Equal(0, intact);
        Assert.Contains("Granskningsloggen är obruten", intactOutput);
        Assert.Equal(1, broken);
        Assert.Contains("Rad 5", brokenOutput);
        Assert.False((await app.WithDbAsync(db => AuditLog.VerifyAsync(db))).Intact);
    }
}
